using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record AgendaItemInput(string Title, string Presenter, int PlannedMinutes, string Notes);
