namespace Collaboration.Grains.Accounts;

/// <summary>One line of the team page: never a hash or a secret.</summary>
[GenerateSerializer, Immutable, Alias("organiser-summary")]
public sealed record OrganiserSummary(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] OrganiserStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? LastSignInAt,
    [property: Id(5)] bool SecondFactor,
    [property: Id(6)] string? InvitedBy,
    [property: Id(7)] DateTimeOffset? InvitationExpiresAt);
