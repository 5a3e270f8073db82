namespace Collaboration.Grains.Meetings.Events;

/// <summary>
/// Ballots were cast or changed: those that committed in the same write travel as one event (see
/// <c>LiveGrain.RaiseOrMerge</c>), with the tally after the last of them. It names nobody: an open vote's names come with
/// its result (<see cref="MotionClosed"/>), so 200 phones receive a few small messages per vote rather than every name, and a
/// secret vote's events never link a member to a choice. Members' screens get not even the tally while the totals are hidden
/// (<see cref="TotalsVisible"/>).
/// </summary>
/// <remarks>
/// Ids 2 (one ballot's vote) and 4 (the votes of one write) were names carried by events written before: an event still in
/// a meeting's recent tail reads back without them (the serializer skips a field it does not know). Only new events are merged.
/// </remarks>
[GenerateSerializer, Immutable]
public sealed record BallotCast(
    [property: Id(0)] Guid MotionId,
    [property: Id(1)] bool TotalsVisible,
    [property: Id(3)] MotionTally Tally)
{
    /// <summary>One event for this ballot and a later one of the same motion: the later tally. Null for another motion (each keeps its own event).</summary>
    public static BallotCast? Merge(BallotCast earlier, BallotCast later) => earlier.MotionId == later.MotionId ? later : null;
}
