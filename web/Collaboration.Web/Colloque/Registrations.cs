using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>Creates registrations, or updates the one already there for the same email (or name + organisation).</summary>
public sealed class Registrations(IGrainFactory grains)
{
    public sealed record Outcome(string Code, bool Created);

    public async Task<IReadOnlyList<Outcome>> UpsertAsync(Guid colloqueId, IReadOnlyList<AttendeeDetails> attendees)
    {
        var directory = grains.GetGrain<IColloqueDirectoryGrain>(colloqueId);
        // The same person twice in one file: the last line wins.
        var byKey = new Dictionary<string, AttendeeDetails>(StringComparer.Ordinal);
        var keys = attendees.Select(RegistrationCodes.MatchKey).ToList();
        for (var i = 0; i < attendees.Count; i++) byKey[keys[i]] = attendees[i];
        var existing = await directory.FindByMatchKeysAsync([.. byKey.Keys]);

        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        var entries = new List<DirectoryEntry>();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(byKey.Select(async pair =>
        {
            await gate.WaitAsync();
            try
            {
                var (key, details) = pair;
                Outcome outcome;
                if (existing.TryGetValue(key, out var code) &&
                    await grains.GetGrain<IRegistrationGrain>(code).UpdateAsync(colloqueId, details))
                {
                    outcome = new(code, false);
                }
                else
                {
                    do code = RegistrationCodes.New();
                    while (!await grains.GetGrain<IRegistrationGrain>(code).RegisterAsync(colloqueId, details));
                    outcome = new(code, true);
                }
                lock (outcomes)
                {
                    outcomes[key] = outcome;
                    entries.Add(new DirectoryEntry(outcome.Code, details.Name, details.Organisation, details.Category, key, Mrc: details.Mrc));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        await directory.UpsertAsync(entries);
        return keys.Select(k => outcomes[k]).ToList();
    }
}
