namespace Collaboration.Grains.Meetings.Events;

[GenerateSerializer, Immutable]
public sealed record DecisionRecorded(DecisionView Decision);
