namespace Collaboration.Grains.Meetings.Events;

public sealed record AgendaReordered(IReadOnlyList<Guid> Order, long AgendaVersion);
