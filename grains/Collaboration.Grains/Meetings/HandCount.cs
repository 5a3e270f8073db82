namespace Collaboration.Grains.Meetings;

/// <summary>A show of hands the chair counted in the room, for members present without a device.</summary>
[GenerateSerializer, Immutable]
public sealed record HandCount(int For, int Against, int Abstain)
{
    public static readonly HandCount None = new(0, 0, 0);

    public int Total => For + Against + Abstain;
}
