using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Accounts;

[GenerateSerializer]
public sealed class OrganiserAccountState : IMailOutboxState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string PasswordHash { get; set; } = "";
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public OrganiserStatus Status { get; set; }
    /// <summary>In the team directory (accounts created before it existed join at their next sign-in).</summary>
    [Id(5)] public bool Listed { get; set; }
    [Id(6)] public string? InvitedBy { get; set; }
    [Id(7)] public string? InvitationHash { get; set; }
    [Id(8)] public DateTimeOffset? InvitationExpiresAt { get; set; }
    [Id(9)] public string? ResetHash { get; set; }
    [Id(10)] public DateTimeOffset? ResetExpiresAt { get; set; }
    [Id(11)] public DateTimeOffset? LastSignInAt { get; set; }
    [Id(12)] public string? SealedTotpSecret { get; set; }
    [Id(13)] public string? SealedPendingTotpSecret { get; set; }
    /// <summary>The last TOTP time step accepted: a code is good once.</summary>
    [Id(14)] public long TotpLastStep { get; set; }
    [Id(15)] public List<string> RecoveryCodeHashes { get; set; } = [];
    [Id(16)] public MailOutbox Mail { get; set; } = new();
    [Id(90)] public Platform.EffectOutbox Effects { get; set; } = new();
}
