namespace Collaboration.Grains.Attestations;

/// <summary>
/// The verification codes printed on attestations (one grain, key "all"). A code only names the event and the
/// registration: whether it still verifies is read from the event each time, so an erased or anonymised person's
/// attestation stops verifying without anything told here.
/// </summary>
[Alias("attestation-registry")]
public interface IAttestationRegistryGrain : IGrainWithStringKey
{
    /// <summary>The code of each (subject, reference), issued the first time; the same code after.</summary>
    Task<IReadOnlyList<string>> IssueAsync(IReadOnlyList<AttestationEntry> people);

    Task<AttestationEntry?> FindAsync(string code);
}
