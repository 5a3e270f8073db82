
namespace Collaboration.Grains.Accounts;

/// <summary>
/// A single-use, expiring invitation link (e.g. a table member's personal sign-in link), keyed by
/// the SHA-256 of its token: the token itself is never stored.
/// </summary>
[Alias("invitation")]
public interface IInvitationGrain : IGrainWithStringKey
{
    Task IssueAsync(string purpose, string subject, DateTimeOffset expiresAt);

    /// <summary>Uses the invitation up if it is still valid.</summary>
    Task<InvitationRedemption> RedeemAsync();

    Task RevokeAsync();
}
