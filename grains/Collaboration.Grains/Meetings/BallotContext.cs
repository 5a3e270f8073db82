namespace Collaboration.Grains.Meetings;

/// <summary>What a ballot's endpoint needs before casting: the table (whose members may vote) and the motion's kind (null: no such motion).</summary>
[GenerateSerializer, Immutable]
public sealed record BallotContext(Guid TableId, MotionKind? Kind);
