
namespace Collaboration.Grains.Accounts;

/// <summary>
/// An organiser's account as sign-in needs it. The TOTP secrets are sealed by the web layer's data
/// protection: the grain stores them without being able to read them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OrganiserAccount(string Email, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt,
    OrganiserStatus Status = OrganiserStatus.Active, DateTimeOffset? LastSignInAt = null, string? SealedTotpSecret = null,
    string? SealedPendingTotpSecret = null, int RecoveryCodesLeft = 0, string? InvitedBy = null, DateTimeOffset? InvitationExpiresAt = null)
{
    /// <summary>The subject its sessions are listed under (<c>ISubjectSessionsGrain</c>'s key).</summary>
    public static string SessionSubject(string email) => $"organiser:{email}";

    /// <summary>Only an active account signs in (an invitee has no password yet; a deactivated one is shut).</summary>
    public bool CanSignIn => Status == OrganiserStatus.Active;

    public OrganiserSummary Summary() => new(Email, DisplayName, Status, CreatedAt, LastSignInAt, SealedTotpSecret is not null, InvitedBy,
        Status == OrganiserStatus.Invited ? InvitationExpiresAt : null);
}
