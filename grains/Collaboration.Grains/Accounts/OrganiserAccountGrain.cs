using System.Globalization;
using Collaboration.Grains.Accounts.Effects;
using Collaboration.Grains.Audit;
using Collaboration.Grains.Audit.Effects;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Accounts;

[GrainType("organiser-account")]
public sealed class OrganiserAccountGrain(
    [PersistentState("organiser-account", StorageNames.Grains)] IPersistentState<OrganiserAccountState> state, TimeProvider clock,
    ILogger<OrganiserAccountGrain> logger)
    : AfterCommitGrain<OrganiserAccountState>(state, clock), IOrganiserAccountGrain
{
    /// <summary>The outbox references of the account's two kinds of link, so a new link drops the unsent old one.</summary>
    private const string InvitationReference = "invitation";
    private const string ResetReference = "password-reset";

    public async Task<AccountCreation> CreateAsync(string displayName, string passwordHash)
    {
        if (State.Exists)
        {
            if (!State.Listed) await ListAsync(write: true);
            return AccountCreation.AlreadyExists;
        }
        await ListAsync(write: false);
        State.Exists = true;
        State.Status = OrganiserStatus.Active;
        State.DisplayName = displayName;
        State.PasswordHash = passwordHash;
        State.CreatedAt = Now;
        await WriteStateAsync();
        return AccountCreation.Created;
    }

    public Task<OrganiserAccount?> GetAsync() => Task.FromResult(State.Exists
        ? new OrganiserAccount(GrainKey, State.DisplayName, State.PasswordHash, State.CreatedAt, State.Status, State.LastSignInAt,
            State.SealedTotpSecret, State.SealedPendingTotpSecret, State.RecoveryCodeHashes.Count, State.InvitedBy, State.InvitationExpiresAt)
        : null);

    public async Task ChangePasswordHashAsync(string passwordHash)
    {
        if (!State.Exists) throw new InvalidOperationException($"No organiser account {GrainKey}.");
        State.PasswordHash = passwordHash;
        await WriteStateAsync();
    }

    public async Task ChangePasswordAsync(string passwordHash)
    {
        if (!State.Exists) throw new InvalidOperationException($"No organiser account {GrainKey}.");
        State.PasswordHash = passwordHash;
        Audit(AuditAction.PasswordChanged, GrainKey);
        await WriteStateAsync();
    }

    public async Task<InvitationOutcome> InviteAsync(OrganiserInvitation invitation)
    {
        if (State.Exists && State.Status != OrganiserStatus.Invited) return InvitationOutcome.AlreadyExists;
        await ListAsync(write: false);
        if (!State.Exists) State.CreatedAt = Now;
        State.Exists = true;
        State.Status = OrganiserStatus.Invited;
        State.DisplayName = invitation.DisplayName;
        State.InvitedBy = invitation.InvitedBy;
        State.InvitationHash = invitation.TokenHash;
        State.InvitationExpiresAt = invitation.ExpiresAt;
        State.Mail.DropPendingFor(InvitationReference); // its link no longer works
        State.Mail.Record(MailKind.OrganiserInvited, GrainKey, invitation.DisplayName, invitation.Language, InvitationReference,
            new() { ["sealedToken"] = invitation.SealedToken, ["invitedBy"] = invitation.InvitedBy, ["expiresAt"] = Iso(invitation.ExpiresAt) }, Now);
        Audit(AuditAction.OrganiserInvited, invitation.InvitedByEmail ?? invitation.InvitedBy);
        await WriteStateAsync();
        logger.LogInformation("Organiser {Email} invited by {InvitedBy}", GrainKey, invitation.InvitedBy);
        return InvitationOutcome.Invited;
    }

    public async Task<AccountTokenOutcome> AcceptInvitationAsync(string tokenHash, string passwordHash)
    {
        if (State.Status != OrganiserStatus.Invited || !Valid(State.InvitationHash, State.InvitationExpiresAt, tokenHash))
            return AccountTokenOutcome.Invalid;
        State.Status = OrganiserStatus.Active;
        State.PasswordHash = passwordHash;
        State.InvitationHash = null;
        Audit(AuditAction.InvitationAccepted, GrainKey);
        await WriteStateAsync();
        logger.LogInformation("Organiser {Email} accepted the invitation", GrainKey);
        return AccountTokenOutcome.Done;
    }

    public async Task<bool> RequestPasswordResetAsync(string tokenHash, string sealedToken, DateTimeOffset expiresAt, string? language)
    {
        if (!State.Exists || State.Status != OrganiserStatus.Active) return false;
        State.ResetHash = tokenHash;
        State.ResetExpiresAt = expiresAt;
        State.Mail.DropPendingFor(ResetReference);
        State.Mail.Record(MailKind.OrganiserPasswordReset, GrainKey, State.DisplayName, language, ResetReference,
            new() { ["sealedToken"] = sealedToken, ["expiresAt"] = Iso(expiresAt) }, Now);
        Audit(AuditAction.PasswordResetRequested, null);
        await WriteStateAsync();
        logger.LogInformation("Password reset requested for organiser {Email}", GrainKey);
        return true;
    }

    public async Task<AccountTokenOutcome> CompletePasswordResetAsync(string tokenHash, string passwordHash)
    {
        if (State.Status != OrganiserStatus.Active || !Valid(State.ResetHash, State.ResetExpiresAt, tokenHash)) return AccountTokenOutcome.Invalid;
        State.PasswordHash = passwordHash;
        State.ResetHash = null;
        var sessionsEnd = RecordEffect(new EndSessions(OrganiserAccount.SessionSubject(GrainKey), "password-reset"));
        Audit(AuditAction.PasswordReset, GrainKey);
        await WriteStateAsync();
        await DeliveredAsync(sessionsEnd); // answered once every session of the account is over
        logger.LogInformation("Organiser {Email} reset their password", GrainKey);
        return AccountTokenOutcome.Done;
    }

    public async Task RecordSignInAsync()
    {
        if (!State.Exists) return;
        if (!State.Listed) await ListAsync(write: false);
        State.LastSignInAt = Now;
        await WriteStateAsync();
    }

    public async Task<OrganiserChange> DeactivateAsync(string by)
    {
        if (!State.Exists) return OrganiserChange.NotFound;
        if (State.Status == OrganiserStatus.Deactivated) return OrganiserChange.Unchanged;
        State.Status = OrganiserStatus.Deactivated;
        State.InvitationHash = null;
        State.ResetHash = null;
        State.Mail.DropPendingFor(InvitationReference);
        State.Mail.DropPendingFor(ResetReference);
        var sessionsEnd = RecordEffect(new EndSessions(OrganiserAccount.SessionSubject(GrainKey), "deactivated"));
        Audit(AuditAction.OrganiserDeactivated, by);
        await WriteStateAsync();
        await DeliveredAsync(sessionsEnd); // answered once every session of the account is over
        logger.LogWarning("Organiser {Email} deactivated by {By}", GrainKey, by);
        return OrganiserChange.Done;
    }

    public async Task<OrganiserChange> ReactivateAsync(string by)
    {
        if (!State.Exists) return OrganiserChange.NotFound;
        // An invitee never set a password: invite again instead.
        if (State.Status != OrganiserStatus.Deactivated || string.IsNullOrEmpty(State.PasswordHash)) return OrganiserChange.Unchanged;
        State.Status = OrganiserStatus.Active;
        Audit(AuditAction.OrganiserReactivated, by);
        await WriteStateAsync();
        logger.LogWarning("Organiser {Email} reactivated by {By}", GrainKey, by);
        return OrganiserChange.Done;
    }

    public async Task BeginTotpEnrolmentAsync(string sealedSecret)
    {
        if (!State.Exists) throw new InvalidOperationException($"No organiser account {GrainKey}.");
        State.SealedPendingTotpSecret = sealedSecret;
        await WriteStateAsync();
    }

    public async Task<bool> ConfirmTotpEnrolmentAsync(string sealedSecret, long step, IReadOnlyList<string> recoveryCodeHashes)
    {
        if (State.SealedPendingTotpSecret != sealedSecret) return false; // another enrolment began meanwhile
        State.SealedTotpSecret = sealedSecret;
        State.SealedPendingTotpSecret = null;
        State.TotpLastStep = step;
        State.RecoveryCodeHashes = [.. recoveryCodeHashes];
        Audit(AuditAction.SecondFactorEnrolled, GrainKey);
        await WriteStateAsync();
        logger.LogWarning("Organiser {Email} enrolled a second factor", GrainKey);
        return true;
    }

    public async Task<bool> UseTotpStepAsync(long step)
    {
        if (State.SealedTotpSecret is null || step <= State.TotpLastStep) return false;
        State.TotpLastStep = step;
        await WriteStateAsync();
        return true;
    }

    public async Task<bool> UseRecoveryCodeAsync(string codeHash)
    {
        if (State.SealedTotpSecret is null || !State.RecoveryCodeHashes.Remove(codeHash)) return false;
        Audit(AuditAction.RecoveryCodeUsed, GrainKey, $"{State.RecoveryCodeHashes.Count}");
        await WriteStateAsync();
        logger.LogWarning("Organiser {Email} signed in with a recovery code ({Left} left)", GrainKey, State.RecoveryCodeHashes.Count);
        return true;
    }

    public async Task<OrganiserChange> ResetSecondFactorAsync(string by)
    {
        if (!State.Exists) return OrganiserChange.NotFound;
        if (State.SealedTotpSecret is null && State.SealedPendingTotpSecret is null) return OrganiserChange.Unchanged;
        State.SealedTotpSecret = null;
        State.SealedPendingTotpSecret = null;
        State.RecoveryCodeHashes = [];
        Audit(AuditAction.SecondFactorReset, by);
        await WriteStateAsync();
        logger.LogWarning("Second factor of organiser {Email} reset by {By}", GrainKey, by);
        return OrganiserChange.Done;
    }

    /// <summary>Records the change for the audit log, in the write that makes it.</summary>
    private void Audit(AuditAction action, string? actor, string? detail = null) =>
        RecordEffect(new RecordAudit(AuditEntry.New(Now, action, actor, GrainKey, detail)));

    /// <summary>Joins the team directory before the write that makes the account (an entry without an account is not listed).</summary>
    private async Task ListAsync(bool write)
    {
        await GrainFactory.GetGrain<IOrganiserDirectoryGrain>(OrganiserDirectoryGrain.Key).AddAsync(GrainKey);
        State.Listed = true;
        if (write) await WriteStateAsync();
    }

    private bool Valid(string? storedHash, DateTimeOffset? expiresAt, string tokenHash) =>
        storedHash is not null && expiresAt is { } expiry && Now < expiry &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(storedHash), System.Text.Encoding.ASCII.GetBytes(tokenHash));

    private static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
