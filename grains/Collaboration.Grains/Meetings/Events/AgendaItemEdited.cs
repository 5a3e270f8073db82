namespace Collaboration.Grains.Meetings.Events;

public sealed record AgendaItemEdited(AgendaItemView Item);
