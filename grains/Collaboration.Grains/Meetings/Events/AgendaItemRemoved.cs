namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record AgendaItemRemoved(Guid ItemId, long AgendaVersion);
