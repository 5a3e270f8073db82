using Collaboration.Grains.Accounts;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Single-use, expiring invitation links (a member's sign-in link…). The token goes in the link
/// and nowhere else; the grain is keyed by its hash.
/// </summary>
public sealed class InvitationLinks(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    /// <summary>Issues a link and returns its token (shown once).</summary>
    public async Task<string> IssueAsync(string purpose, string subject, TimeSpan? lifetime = null)
    {
        var token = SecretTokens.NewToken();
        await grains.GetGrain<IInvitationGrain>(SecretTokens.Hash(token))
            .IssueAsync(purpose, subject, clock.GetUtcNow() + (lifetime ?? DefaultLifetime));
        return token;
    }

    public Task<InvitationRedemption> RedeemAsync(string token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100
            ? Task.FromResult(new InvitationRedemption(InvitationStatus.Unknown))
            : grains.GetGrain<IInvitationGrain>(SecretTokens.Hash(token)).RedeemAsync();

    /// <summary>Revokes by token hash (what the issuing feature keeps).</summary>
    public Task RevokeAsync(string tokenHash) => grains.GetGrain<IInvitationGrain>(tokenHash).RevokeAsync();
}
