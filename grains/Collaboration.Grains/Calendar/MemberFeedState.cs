namespace Collaboration.Grains.Calendar;

[GenerateSerializer]
public sealed class MemberFeedState
{
    [Id(0)] public Guid TableId { get; set; }

    /// <summary>The feed token's hash (the token itself only sealed, so the member's page can show the address again).</summary>
    [Id(1)] public string TokenHash { get; set; } = "";
    [Id(2)] public string SealedToken { get; set; } = "";
    [Id(3)] public DateTimeOffset? IssuedAt { get; set; }
}
