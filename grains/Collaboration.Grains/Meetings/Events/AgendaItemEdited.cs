namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record AgendaItemEdited(AgendaItemView Item);
