namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record DocumentAttached(AgendaDocument Document);
