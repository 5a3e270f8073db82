using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Attestations;

[GrainType("attestation-registry")]
public sealed class AttestationRegistryGrain(
    [PersistentState("attestation-registry", StorageNames.Grains)] IPersistentState<AttestationRegistryState> state, TimeProvider clock)
    : DurableGrain<AttestationRegistryState>(state, clock), IAttestationRegistryGrain
{
    public async Task<IReadOnlyList<string>> IssueAsync(IReadOnlyList<AttestationEntry> people)
    {
        var codes = new List<string>(people.Count);
        var issued = false;
        foreach (var person in people)
        {
            var key = $"{person.Subject}|{person.Reference}";
            if (!State.ByPerson.TryGetValue(key, out var code))
            {
                do code = NewCode(); while (State.Codes.ContainsKey(code));
                State.Codes[code] = person with { IssuedAt = Now };
                State.ByPerson[key] = code;
                issued = true;
            }
            codes.Add(code);
        }
        if (issued) await WriteStateAsync();
        return codes;
    }

    public Task<AttestationEntry?> FindAsync(string code) =>
        Task.FromResult(State.Codes.GetValueOrDefault(Normalize(code)));

    /// <summary>"att-k7qm-4tzp-9xwb" finds "ATT-K7QM-4TZP-9XWB".</summary>
    public static string Normalize(string code)
    {
        var bare = new string([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return bare.Length == 15 && bare.StartsWith("ATT", StringComparison.Ordinal) ? $"ATT-{bare[3..7]}-{bare[7..11]}-{bare[11..]}" : bare;
    }

    private static string NewCode()
    {
        var code = ReadableCodes.New(12);
        return $"ATT-{code[..4]}-{code[4..8]}-{code[8..]}";
    }
}
