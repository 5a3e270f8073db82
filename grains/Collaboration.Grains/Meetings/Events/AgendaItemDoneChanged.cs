namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record AgendaItemDoneChanged(AgendaItemView Item);
