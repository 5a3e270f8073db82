namespace Collaboration.Grains.Colloque;

/// <summary>
/// The answer to a scan. For <see cref="CheckInResult.AlreadyCheckedIn"/> the desk, operator and
/// time are those of the FIRST check-in. <see cref="CheckInVersion"/> keys the colloque's aggregate update.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CheckInAnswer(
    CheckInResult Result,
    string Code,
    DateTimeOffset? CheckedInAt = null,
    string? DeskId = null,
    string? DeskName = null,
    string? Operator = null,
    string? Name = null,
    string? Organisation = null,
    AttendeeCategory? Category = null,
    long CheckInVersion = 0);
