namespace Collaboration.Grains.Attestations;

[GenerateSerializer]
public sealed class AttestationRegistryState
{
    /// <summary>By verification code.</summary>
    [Id(0)] public Dictionary<string, AttestationEntry> Codes { get; set; } = [];

    /// <summary>The code of each "subject|reference", so the same attestation always carries the same code.</summary>
    [Id(1)] public Dictionary<string, string> ByPerson { get; set; } = [];
}
