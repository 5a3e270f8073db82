namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record AgendaItemAdded(AgendaItemView Item, IReadOnlyList<Guid> Order);
