namespace Collaboration.Grains.Meetings.Events;

public sealed record DecisionRecorded(DecisionView Decision);
