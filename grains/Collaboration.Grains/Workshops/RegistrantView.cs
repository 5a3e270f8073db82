using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

/// <summary>One registration as the organiser (and, for their own, the employer) sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrantView(
    string Code,
    long Sequence,
    string Organisation,
    string ContactName,
    string Email,
    string? Phone,
    int Seats,
    string Sector,
    RegistrationStatus Status,
    int? Position,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ConfirmedAt,
    bool? Attended,
    DateTimeOffset? CancelledAt = null,
    string? Language = null,
    bool Anonymised = false);
