namespace Collaboration.Grains.Audit;

/// <summary>What an audit entry records. Persisted: append new members only.</summary>
public enum AuditAction
{
    OrganiserInvited,
    InvitationAccepted,
    OrganiserDeactivated,
    OrganiserReactivated,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    SecondFactorEnrolled,
    SecondFactorReset,
    RecoveryCodeUsed,
    SignInBackOff,
    PartnerCreated,
    PartnerEdited,
    PartnerMerged,
}
