
namespace Collaboration.Grains.Accounts;

/// <summary>
/// An organiser's password account, keyed by the normalised (trimmed, lower-case) email. It owns the
/// account's emails (invitation, password reset) in its outbox, written with the token they carry.
/// </summary>
[Alias("organiser-account")]
public interface IOrganiserAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account unless it exists; the password arrives already hashed.</summary>
    Task<AccountCreation> CreateAsync(string displayName, string passwordHash);

    /// <summary>The account, or null when there is none under this email.</summary>
    Task<OrganiserAccount?> GetAsync();

    /// <summary>Replaces the hash of the same password (a stronger hashing): nothing for the audit log.</summary>
    Task ChangePasswordHashAsync(string passwordHash);

    /// <summary>The owner chose a new password (audited).</summary>
    Task ChangePasswordAsync(string passwordHash);

    /// <summary>Invites (or invites again: the earlier link stops working) and records the email with the link.</summary>
    Task<InvitationOutcome> InviteAsync(OrganiserInvitation invitation);

    /// <summary>The invitee sets their password through a valid, unexpired, unused link: the account becomes active.</summary>
    Task<AccountTokenOutcome> AcceptInvitationAsync(string tokenHash, string passwordHash);

    /// <summary>Records a reset email for an active account (false, and nothing recorded, otherwise); the earlier link stops working.</summary>
    Task<bool> RequestPasswordResetAsync(string tokenHash, string sealedToken, DateTimeOffset expiresAt, string? language);

    /// <summary>Sets the new password through a valid reset link, once.</summary>
    Task<AccountTokenOutcome> CompletePasswordResetAsync(string tokenHash, string passwordHash);

    Task RecordSignInAsync();

    Task<OrganiserChange> DeactivateAsync(string by);

    Task<OrganiserChange> ReactivateAsync(string by);

    /// <summary>Keeps a new TOTP secret (sealed) until a code from it confirms the enrolment.</summary>
    Task BeginTotpEnrolmentAsync(string sealedSecret);

    /// <summary>The pending secret becomes the factor; <paramref name="step"/> (the code that proved it) is used up; the recovery codes replace any earlier ones.</summary>
    Task<bool> ConfirmTotpEnrolmentAsync(string sealedSecret, long step, IReadOnlyList<string> recoveryCodeHashes);

    /// <summary>True when this time step is later than every step used before (a code works once).</summary>
    Task<bool> UseTotpStepAsync(long step);

    /// <summary>True when the recovery code (its hash) was unused; it is used up.</summary>
    Task<bool> UseRecoveryCodeAsync(string codeHash);

    /// <summary>Another organiser removes the second factor (a lost device): the owner enrols again.</summary>
    Task<OrganiserChange> ResetSecondFactorAsync(string by);
}
