namespace Collaboration.Grains.Calendar;

/// <summary>A person's feed token: nothing else, so the feed holds no personal data of its own (the Tables hold who is who).</summary>
[GenerateSerializer]
public sealed class PersonFeedState
{
    /// <summary>The feed token's hash (the token itself only sealed, so the member's page can show the address again).</summary>
    [Id(0)] public string TokenHash { get; set; } = "";
    [Id(1)] public string SealedToken { get; set; } = "";
    [Id(2)] public DateTimeOffset? IssuedAt { get; set; }
}
