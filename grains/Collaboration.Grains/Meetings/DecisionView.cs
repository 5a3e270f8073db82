namespace Collaboration.Grains.Meetings;

/// <summary>A decision on an agenda item; <see cref="MotionId"/> when it is the result of a vote (worded by <see cref="MotionWording"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record DecisionView(Guid Id, Guid AgendaItemId, string Text, DateTimeOffset RecordedAt, long Version, Guid? MotionId = null);
