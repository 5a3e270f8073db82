namespace Collaboration.Grains.Meetings;

/// <summary>
/// A motion as shown. <see cref="Tally"/> and <see cref="Votes"/> are null where the viewer may not see them
/// (a member, while the vote runs and the chair hides the totals: see <see cref="ForMembers"/>); <see cref="Votes"/>
/// is always empty for a secret vote. Quorum counts are those at opening and, once closed, at closing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MotionView(
    Guid Id, Guid AgendaItemId, string Text, Guid ProposerId, string ProposerName, Guid SeconderId, string SeconderName,
    MotionKind Kind, bool TotalsVisible, MotionStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    int QuorumRequired, int PresentAtOpen, int? PresentAtClose, MotionTally? Tally, IReadOnlyList<MotionVote>? Votes, long Version)
{
    public bool IsOpen => Status == MotionStatus.Open;

    /// <summary>The result as the minutes word it, in French and in English (for the screens; not serialized between grains).</summary>
    public string WordingFr => MotionWording.French(this);

    public string WordingEn => MotionWording.English(this);

    /// <summary>What a member sees: while the vote runs with the totals hidden, no totals and no names.</summary>
    public MotionView ForMembers() => IsOpen && !TotalsVisible ? this with { Tally = null, Votes = null } : this;
}
