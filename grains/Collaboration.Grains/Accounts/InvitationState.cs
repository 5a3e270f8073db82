namespace Collaboration.Grains.Accounts;

public sealed class InvitationState
{
    public bool Issued { get; set; }
    public string Purpose { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
