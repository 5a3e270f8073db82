namespace Collaboration.Grains.Meetings.Events;

/// <summary>
/// A ballot was cast or changed. <see cref="Vote"/> names the member for an open vote only (null for a secret one,
/// so the recent tail never links a member to a choice); members' screens get neither it nor the tally while the
/// totals are hidden (<see cref="TotalsVisible"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BallotCast(Guid MotionId, bool TotalsVisible, MotionVote? Vote, MotionTally Tally);
