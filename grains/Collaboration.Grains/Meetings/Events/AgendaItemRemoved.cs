namespace Collaboration.Grains.Meetings.Events;

public sealed record AgendaItemRemoved(Guid ItemId, long AgendaVersion);
