namespace Collaboration.Grains.Meetings;

/// <summary>
/// A secret vote's ballot under its key: a keyed hash of the member computed outside the grain (the web's
/// data-protection key ring), so the stored state never links a member to a choice.
/// </summary>
[GenerateSerializer]
public sealed class SecretBallot
{
    [Id(0)] public string Key { get; set; } = "";
    [Id(1)] public BallotChoice Choice { get; set; }
}
