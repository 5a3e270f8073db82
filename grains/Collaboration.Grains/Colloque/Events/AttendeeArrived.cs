namespace Collaboration.Grains.Colloque.Events;

/// <summary>
/// A registration was checked in. Carries no name: the grain's recent-events tail is kept for replay and is not
/// edited, so an erased attendee must not live on in it. Screens take the name from the attendee
/// list they already hold (organiser and that colloque's desks only).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AttendeeArrived(string Code, AttendeeCategory Category, string? DeskId, string? DeskName, DateTimeOffset At, long CheckInVersion);
