namespace Collaboration.Grains.Meetings;

[GenerateSerializer]
public sealed class BallotSecretState
{
    [Id(0)] public string Sealed { get; set; } = "";
}
