namespace Collaboration.Grains.Accounts;

/// <summary>
/// An invitation to join as organiser: the link's token arrives only as its hash (to check) and
/// sealed (for the email); the invitee sets their own password.
/// </summary>
[GenerateSerializer, Immutable, Alias("organiser-invitation")]
public sealed record OrganiserInvitation(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string InvitedBy,
    [property: Id(2)] string TokenHash,
    [property: Id(3)] string SealedToken,
    [property: Id(4)] DateTimeOffset ExpiresAt,
    [property: Id(5)] string? Language,
    [property: Id(6)] string? InvitedByEmail = null);
