namespace Collaboration.Grains.Meetings;

[GenerateSerializer]
public sealed class MotionState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public Guid AgendaItemId { get; set; }
    [Id(2)] public string Text { get; set; } = "";
    [Id(3)] public Guid ProposerId { get; set; }
    [Id(4)] public string ProposerName { get; set; } = "";
    [Id(5)] public Guid SeconderId { get; set; }
    [Id(6)] public string SeconderName { get; set; } = "";
    [Id(7)] public MotionKind Kind { get; set; }
    [Id(8)] public bool TotalsVisible { get; set; }
    [Id(9)] public MotionStatus Status { get; set; }
    [Id(10)] public DateTimeOffset OpenedAt { get; set; }
    [Id(11)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(12)] public int QuorumRequired { get; set; }
    [Id(13)] public int PresentAtOpen { get; set; }
    [Id(14)] public int? PresentAtClose { get; set; }

    /// <summary>An open vote's ballots: member and choice; the last choice of each member counts.</summary>
    [Id(15)] public List<MotionVote> Votes { get; set; } = [];

    /// <summary>A secret vote's voters, sorted by id (not by time, so the order links nobody to a ballot).</summary>
    [Id(16)] public List<Guid> SecretVoters { get; set; } = [];

    /// <summary>A secret vote's ballots, sorted by key.</summary>
    [Id(17)] public List<SecretBallot> SecretBallots { get; set; } = [];

    [Id(18)] public HandCount Hands { get; set; } = HandCount.None;
    [Id(19)] public long Version { get; set; }
}
