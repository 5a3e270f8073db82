using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer, Immutable]
public sealed record RegistrationRequest(
    string Code,
    string TokenHash,
    string Organisation,
    string ContactName,
    string Email,
    string? Phone,
    int Seats,
    string Sector,
    bool Consent,
    string? SealedToken = null,
    string? Language = null);
