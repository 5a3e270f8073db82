namespace Collaboration.Grains.Meetings.Events;

/// <summary>The vote's result, and the decision it became on the agenda item (in the same write).</summary>
[GenerateSerializer, Immutable]
public sealed record MotionClosed(MotionView Motion, DecisionView Decision);
