namespace Collaboration.Grains.Meetings.Events;

/// <summary>
/// Ballots were cast or changed: those that committed in the same write travel as one event (see
/// <c>LiveGrain.RaiseOrMerge</c>), with the tally after the last of them. <see cref="Votes"/> names the members of an open vote
/// (a member who changed their vote in the meantime once, with their last choice); it is empty for a secret one, so the
/// recent tail never links a member to a choice. Members' screens get neither the votes nor the tally while the totals
/// are hidden (<see cref="TotalsVisible"/>).
/// </summary>
/// <remarks>
/// Id 2 was one ballot's vote (<c>MotionVote? Vote</c>) in events written before ballots were merged: it stays unused, and
/// such an event, still in a meeting's recent tail, reads back with <see cref="Votes"/> null (screens take that as none).
/// Only new events are ever merged.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record BallotCast(
    [property: Id(0)] Guid MotionId,
    [property: Id(1)] bool TotalsVisible,
    [property: Id(4)] IReadOnlyList<MotionVote> Votes,
    [property: Id(3)] MotionTally Tally)
{
    /// <summary>
    /// One event for this ballot and a later one of the same motion: the later tally, and the votes of both, a member
    /// listed once with their later choice. Null for another motion (each keeps its own event).
    /// </summary>
    public static BallotCast? Merge(BallotCast earlier, BallotCast later)
    {
        if (earlier.MotionId != later.MotionId) return null;
        var votes = new List<MotionVote>(earlier.Votes.Count + later.Votes.Count);
        foreach (var vote in earlier.Votes)
            if (!later.Votes.Any(v => v.MemberId == vote.MemberId)) votes.Add(vote);
        votes.AddRange(later.Votes);
        return later with { Votes = votes };
    }
}
