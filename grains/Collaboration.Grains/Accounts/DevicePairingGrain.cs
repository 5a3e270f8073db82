using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Accounts;

[GrainType("pairing-code")]
public sealed class DevicePairingGrain(
    [PersistentState("pairing-code", StorageNames.Grains)] IPersistentState<DevicePairingState> state, TimeProvider clock)
    : DurableGrain<DevicePairingState>(state, clock), IDevicePairingGrain
{
    public async Task IssueAsync(string scope, string deviceId, DateTimeOffset expiresAt)
    {
        if (State.Issued) throw new InvalidOperationException("A pairing code is issued once.");
        State.Issued = true;
        State.Scope = scope;
        State.DeviceId = deviceId;
        State.ExpiresAt = expiresAt;
        await WriteStateAsync();
    }

    public async Task<PairingClaim> ClaimAsync()
    {
        if (!State.Issued) return new(PairingStatus.Unknown);
        if (State.ClaimedAt is not null) return new(PairingStatus.AlreadyUsed);
        if (Now >= State.ExpiresAt) return new(PairingStatus.Expired);
        State.ClaimedAt = Now;
        await WriteStateAsync();
        return new(PairingStatus.Paired, State.Scope, State.DeviceId);
    }
}
