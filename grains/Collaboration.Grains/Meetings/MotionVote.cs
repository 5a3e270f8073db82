namespace Collaboration.Grains.Meetings;

/// <summary>One member's choice in an open vote (never kept for a secret one).</summary>
[GenerateSerializer, Immutable]
public sealed record MotionVote(Guid MemberId, string Name, BallotChoice Choice);
