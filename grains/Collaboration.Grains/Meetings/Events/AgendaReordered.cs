namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record AgendaReordered(IReadOnlyList<Guid> Order, long AgendaVersion);
