namespace Collaboration.Grains.Colloque;

/// <summary>A scan at a desk. <see cref="Nonce"/> is made by the desk: the same nonce again gets the first answer.</summary>
[GenerateSerializer, Immutable]
public sealed record CheckInRequest(Guid ColloqueId, string Nonce, string DeskId, string DeskName, string Operator, DateTimeOffset? ScannedAt = null);

public enum CheckInResult { CheckedIn, AlreadyCheckedIn, Unknown, Cancelled }

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

/// <summary>Who asks for an undo: the organiser, or a desk (its own check-in, within two minutes).</summary>
[GenerateSerializer, Immutable]
public sealed record UndoRequest(Guid ColloqueId, string? DeskId, string By);

public enum UndoResult { Undone, NotCheckedIn, Unknown, OtherDesk, TooLate }

[GenerateSerializer, Immutable]
public sealed record UndoAnswer(UndoResult Result, long CheckInVersion = 0);

/// <summary>One line of a registration's history.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationHistoryEntry(DateTimeOffset At, string What, string? DeskId, string? By);

[GenerateSerializer, Immutable]
public sealed record CheckInRecord(DateTimeOffset At, string DeskId, string DeskName, string Operator);
