using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record AgendaItemView(
    Guid Id, string Title, string Presenter, int PlannedMinutes, string Notes, bool Done, long Version,
    int SpentSeconds, DateTimeOffset? CurrentSince, Guid? AdoptsMinutesOf = null);
