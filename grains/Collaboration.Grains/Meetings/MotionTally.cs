namespace Collaboration.Grains.Meetings;

/// <summary>The totals of a vote: ballots from devices plus the show of hands. <see cref="Ballots"/> counts the device ballots.</summary>
[GenerateSerializer, Immutable]
public sealed record MotionTally(int For, int Against, int Abstain, int Ballots, HandCount Hands)
{
    public int Total => For + Against + Abstain;
}
