using Collaboration.Grains.Accounts;

namespace Collaboration.Grains.Tests.Accounts;

public sealed class AccountGrainTests : IClassFixture<GrainsSilo>
{
    private readonly GrainsSilo _silo;

    public AccountGrainTests(GrainsSilo silo) => _silo = silo;

    [Fact]
    public async Task OrganiserAccount_IsCreatedOnce_AndASecondCreateChangesNothing()
    {
        var grain = _silo.Grains.GetGrain<IOrganiserAccountGrain>("chantal@exemple.qc.ca");

        var first = await grain.CreateAsync("Chantal Bélanger", "hash-1");
        var second = await grain.CreateAsync("Quelqu'un d'autre", "hash-2");

        Assert.Equal(AccountCreation.Created, first);
        Assert.Equal(AccountCreation.AlreadyExists, second);
        var account = await grain.GetAsync();
        Assert.Equal(("Chantal Bélanger", "hash-1"), (account!.DisplayName, account.PasswordHash));
        Assert.Equal(_silo.Clock.GetUtcNow(), account.CreatedAt);
    }

    [Fact]
    public async Task OrganiserAccount_IsNull_WhenNeverCreated_AndRefusesAPasswordChange()
    {
        var grain = _silo.Grains.GetGrain<IOrganiserAccountGrain>("personne@exemple.qc.ca");

        Assert.Null(await grain.GetAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ChangePasswordHashAsync("x"));
        Assert.Null(await grain.GetAsync()); // the refused call left nothing behind
    }

    [Fact]
    public async Task Invitation_Expires_ByTheInjectedClock()
    {
        var grain = _silo.Grains.GetGrain<IInvitationGrain>("expiring-hash");
        await grain.IssueAsync("table-member", "m-7", _silo.Clock.GetUtcNow().AddDays(14));

        _silo.Clock.Advance(TimeSpan.FromDays(14));

        Assert.Equal(InvitationStatus.Expired, (await grain.RedeemAsync()).Status);
    }

    [Fact]
    public async Task Invitation_IsRedeemedExactlyOnce_UnderConcurrentRedemptions()
    {
        var grain = _silo.Grains.GetGrain<IInvitationGrain>("raced-hash");
        await grain.IssueAsync("table-member", "m-8", _silo.Clock.GetUtcNow().AddDays(1));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.RedeemAsync()));

        Assert.Single(outcomes, o => o.Status == InvitationStatus.Redeemed);
        Assert.Equal(49, outcomes.Count(o => o.Status == InvitationStatus.AlreadyUsed));
    }

    [Fact]
    public async Task Invitation_Revoked_CannotBeRedeemed_AndIsIssuedOnlyOnce()
    {
        var grain = _silo.Grains.GetGrain<IInvitationGrain>("revoked-hash");
        await grain.IssueAsync("table-member", "m-9", _silo.Clock.GetUtcNow().AddDays(1));

        await grain.RevokeAsync();

        Assert.Equal(InvitationStatus.Revoked, (await grain.RedeemAsync()).Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.IssueAsync("other", "x", _silo.Clock.GetUtcNow().AddDays(1)));
    }

    [Fact]
    public async Task PairingCode_IsClaimedOnce_BeforeItExpires()
    {
        var fresh = _silo.Grains.GetGrain<IDevicePairingGrain>("code-hash-1");
        var stale = _silo.Grains.GetGrain<IDevicePairingGrain>("code-hash-2");
        await fresh.IssueAsync("colloque:c", "desk-1", _silo.Clock.GetUtcNow().AddMinutes(15));
        await stale.IssueAsync("colloque:c", "desk-2", _silo.Clock.GetUtcNow().AddMinutes(15));

        var claimed = await fresh.ClaimAsync();
        _silo.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(new PairingClaim(PairingStatus.Paired, "colloque:c", "desk-1"), claimed);
        Assert.Equal(PairingStatus.AlreadyUsed, (await fresh.ClaimAsync()).Status);
        Assert.Equal(PairingStatus.Expired, (await stale.ClaimAsync()).Status);
        Assert.Equal(PairingStatus.Unknown, (await _silo.Grains.GetGrain<IDevicePairingGrain>("never").ClaimAsync()).Status);
    }
}
