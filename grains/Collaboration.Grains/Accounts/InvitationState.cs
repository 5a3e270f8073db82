namespace Collaboration.Grains.Accounts;

[GenerateSerializer]
public sealed class InvitationState
{
    [Id(0)] public bool Issued { get; set; }
    [Id(1)] public string Purpose { get; set; } = "";
    [Id(2)] public string Subject { get; set; } = "";
    [Id(3)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(4)] public DateTimeOffset? UsedAt { get; set; }
    [Id(5)] public DateTimeOffset? RevokedAt { get; set; }
}
