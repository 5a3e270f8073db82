using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Accounts;

[GrainType("invitation")]
public sealed class InvitationGrain(
    [PersistentState("invitation", StorageNames.Grains)] IPersistentState<InvitationState> state, TimeProvider clock)
    : DurableGrain<InvitationState>(state, clock), IInvitationGrain
{
    public async Task IssueAsync(string purpose, string subject, DateTimeOffset expiresAt)
    {
        if (State.Issued) throw new InvalidOperationException("An invitation token is issued once.");
        State.Issued = true;
        State.Purpose = purpose;
        State.Subject = subject;
        State.ExpiresAt = expiresAt;
        await WriteStateAsync();
    }

    public async Task<InvitationRedemption> RedeemAsync()
    {
        if (!State.Issued) return new(InvitationStatus.Unknown);
        if (State.RevokedAt is not null) return new(InvitationStatus.Revoked);
        if (State.UsedAt is not null) return new(InvitationStatus.AlreadyUsed);
        if (Now >= State.ExpiresAt) return new(InvitationStatus.Expired);
        State.UsedAt = Now;
        await WriteStateAsync();
        return new(InvitationStatus.Redeemed, State.Purpose, State.Subject);
    }

    public async Task RevokeAsync()
    {
        if (!State.Issued || State.RevokedAt is not null) return;
        State.RevokedAt = Now;
        await WriteStateAsync();
    }
}
