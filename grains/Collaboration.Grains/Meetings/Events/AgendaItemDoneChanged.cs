namespace Collaboration.Grains.Meetings.Events;

public sealed record AgendaItemDoneChanged(AgendaItemView Item);
