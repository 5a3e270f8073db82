namespace Collaboration.Grains.Colloque;

/// <summary>
/// What a registration's check-in (or its undo) changes in the colloque's aggregates. Keyed by
/// <see cref="Code"/> + <see cref="CheckInVersion"/> (the registration's check-in version), so
/// applying it again, or applying an older one, changes nothing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ArrivalChange(
    string Code,
    long CheckInVersion,
    bool CheckedIn,
    AttendeeCategory Category,
    string? DeskId,
    string? DeskName,
    string? Operator,
    DateTimeOffset? CheckedInAt,
    string Name,
    string Organisation);
