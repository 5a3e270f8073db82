namespace Collaboration.Grains.Colloque;

/// <summary>
/// When self-registration is open and how many places there are: in total (null: no limit) and per
/// category (a category absent from <see cref="CategoryCapacity"/> has no quota of its own).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationSettings(
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int? TotalCapacity,
    IReadOnlyDictionary<AttendeeCategory, int> CategoryCapacity,
    string VenueAddress);
