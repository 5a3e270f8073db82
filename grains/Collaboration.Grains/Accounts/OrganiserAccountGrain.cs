using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Accounts;

[GrainType("organiser-account")]
public sealed class OrganiserAccountGrain(
    [PersistentState("organiser-account", StorageNames.Grains)] IPersistentState<OrganiserAccountState> state, TimeProvider clock)
    : DurableGrain<OrganiserAccountState>(state, clock), IOrganiserAccountGrain
{
    public async Task<AccountCreation> CreateAsync(string displayName, string passwordHash)
    {
        if (State.Exists) return AccountCreation.AlreadyExists;
        State.Exists = true;
        State.DisplayName = displayName;
        State.PasswordHash = passwordHash;
        State.CreatedAt = Now;
        await WriteStateAsync();
        return AccountCreation.Created;
    }

    public Task<OrganiserAccount?> GetAsync() => Task.FromResult(State.Exists
        ? new OrganiserAccount(GrainKey, State.DisplayName, State.PasswordHash, State.CreatedAt)
        : null);

    public async Task ChangePasswordHashAsync(string passwordHash)
    {
        if (!State.Exists) throw new InvalidOperationException($"No organiser account {GrainKey}.");
        State.PasswordHash = passwordHash;
        await WriteStateAsync();
    }
}
