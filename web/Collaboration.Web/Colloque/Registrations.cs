using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>
/// The organiser's registrations (typed in, imported) and the desks' walk-ins: creates them, or
/// updates the one already there for the same email (or name + organisation).
/// </summary>
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
        // The organiser's list counts in the quotas: confirmed whatever they say (the organiser decided).
        await grains.GetGrain<IColloqueSignupsGrain>(colloqueId).AdmitAsync(entries
            .Select(e => new SignupRequest(e.Code, e.MatchKey, e.Category, SignupChannel.Organiser, [])).ToList());
        return keys.Select(k => outcomes[k]).ToList();
    }

    public sealed record WalkIn(string? Code, SignupResult Result);

    /// <summary>
    /// A walk-in: the person already registered is found again; a new one gets a place only if
    /// their category (and the colloque) has one, unless the organiser overrides — decided by the
    /// signups grain first, then the registration is made.
    /// </summary>
    public async Task<WalkIn> WalkInAsync(Guid colloqueId, AttendeeDetails details, bool overrideQuota)
    {
        var key = RegistrationCodes.MatchKey(details);
        var known = await grains.GetGrain<IColloqueDirectoryGrain>(colloqueId).FindByMatchKeysAsync([key]);
        if (known.TryGetValue(key, out var existing)) return new(existing, SignupResult.Ok);
        var signups = grains.GetGrain<IColloqueSignupsGrain>(colloqueId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = RegistrationCodes.New();
            var outcome = await signups.SignUpAsync(new SignupRequest(code, key, details.Category,
                overrideQuota ? SignupChannel.WalkInOverride : SignupChannel.WalkIn, []));
            if (outcome.Result == SignupResult.CodeTaken) continue;
            if (outcome.Result is not (SignupResult.Ok or SignupResult.AlreadyRegistered)) return new(null, outcome.Result);
            code = outcome.Signup!.Code;
            // Made before, or the code of a place decided before a failure: either way this one is theirs.
            await grains.GetGrain<IRegistrationGrain>(code).RegisterAsync(colloqueId, details);
            await grains.GetGrain<IColloqueDirectoryGrain>(colloqueId).UpsertAsync([new DirectoryEntry(code, details.Name, details.Organisation, details.Category, key, Mrc: details.Mrc)]);
            return new(code, SignupResult.Ok);
        }
        throw new InvalidOperationException("No free registration code after several attempts.");
    }
}
