using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

/// <summary>What the session shows to everyone. Never any registrant's personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopDetails(
    string TitleFr,
    string TitleEn,
    string DescriptionFr,
    string DescriptionEn,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset RegistrationClosesAt);
