namespace Collaboration.Grains.Meetings.Events;

public sealed record AgendaItemAdded(AgendaItemView Item, IReadOnlyList<Guid> Order);
