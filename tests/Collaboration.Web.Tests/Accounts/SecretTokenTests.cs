using Collaboration.Grains.Accounts;
using Collaboration.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>The invitation-link and pairing-code building blocks, on the real host and storage.</summary>
public sealed class SecretTokenTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync()
    {
        _app.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task InvitationLink_IsRedeemedOnce_AndIsStoredOnlyAsAHash()
    {
        var links = _app.Services.GetRequiredService<InvitationLinks>();
        var token = await links.IssueAsync("table-member", "member-42");

        var first = await links.RedeemAsync(token);
        var second = await links.RedeemAsync(token);

        Assert.Equal(new InvitationRedemption(InvitationStatus.Redeemed, "table-member", "member-42"), first);
        Assert.Equal(InvitationStatus.AlreadyUsed, second.Status);
        Assert.True(token.Length >= 43);
        var storage = _app.Services.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(Collaboration.Grains.Platform.StorageNames.Grains);
        var byToken = new GrainState<InvitationState>();
        var byHash = new GrainState<InvitationState>();
        await storage.ReadStateAsync("invitation", GrainId.Create("invitation", token), byToken);
        await storage.ReadStateAsync("invitation", GrainId.Create("invitation", SecretTokens.Hash(token)), byHash);
        Assert.False(byToken.RecordExists);
        Assert.True(byHash.RecordExists);
    }

    [Fact]
    public async Task InvitationLink_IsRefused_WhenExpiredRevokedOrUnknown()
    {
        var links = _app.Services.GetRequiredService<InvitationLinks>();
        var expired = await links.IssueAsync("table-member", "m1", TimeSpan.FromMilliseconds(1));
        var revoked = await links.IssueAsync("table-member", "m2");
        await links.RevokeAsync(SecretTokens.Hash(revoked));
        await Task.Delay(20);

        Assert.Equal(InvitationStatus.Expired, (await links.RedeemAsync(expired)).Status);
        Assert.Equal(InvitationStatus.Revoked, (await links.RedeemAsync(revoked)).Status);
        Assert.Equal(InvitationStatus.Unknown, (await links.RedeemAsync(SecretTokens.NewToken())).Status);
        Assert.Equal(InvitationStatus.Unknown, (await links.RedeemAsync("")).Status);
    }

    [Fact]
    public async Task PairingCode_IsClaimedOnce_WhateverTheCaseAndDashes()
    {
        var codes = _app.Services.GetRequiredService<PairingCodes>();
        var (code, _) = await codes.IssueAsync("colloque:c1", "desk-2");

        var claimed = await codes.ClaimAsync(code.ToLowerInvariant().Replace("-", " "));
        var again = await codes.ClaimAsync(code);

        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code);
        Assert.Equal(new PairingClaim(PairingStatus.Paired, "colloque:c1", "desk-2"), claimed);
        Assert.Equal(PairingStatus.AlreadyUsed, again.Status);
    }

    [Fact]
    public async Task PairingCode_IsRefused_WhenExpiredOrUnknown()
    {
        var codes = _app.Services.GetRequiredService<PairingCodes>();
        var (code, _) = await codes.IssueAsync("colloque:c1", "desk-3", TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);

        Assert.Equal(PairingStatus.Expired, (await codes.ClaimAsync(code)).Status);
        Assert.Equal(PairingStatus.Unknown, (await codes.ClaimAsync("ZZZZ-ZZZZ")).Status);
        Assert.Equal(PairingStatus.Unknown, (await codes.ClaimAsync("x")).Status);
    }
}
