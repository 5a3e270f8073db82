using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Accounts;

[GrainType("organiser-directory")]
public sealed class OrganiserDirectoryGrain(
    [PersistentState("organiser-directory", StorageNames.Grains)] IPersistentState<OrganiserDirectoryState> state, TimeProvider clock)
    : DurableGrain<OrganiserDirectoryState>(state, clock), IOrganiserDirectoryGrain
{
    public const string Key = "organisers";

    public async Task AddAsync(string email)
    {
        if (State.Emails.Contains(email)) return;
        State.Emails.Add(email);
        await WriteStateAsync();
    }

    public async Task<IReadOnlyList<OrganiserSummary>> ListAsync()
    {
        var emails = State.Emails.ToArray(); // AddAsync may run meanwhile
        var accounts = await Task.WhenAll(emails.Select(e => GrainFactory.GetGrain<IOrganiserAccountGrain>(e).GetAsync()));
        return [.. accounts.OfType<OrganiserAccount>().Select(a => a.Summary()).OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }
}
