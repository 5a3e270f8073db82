namespace Collaboration.Grains.Colloque.Events;

/// <summary>A registration was checked in (pushed to the organiser and the colloque's desks only).</summary>
public sealed record AttendeeArrived(
    string Code, string Name, string Organisation, AttendeeCategory Category,
    string? DeskId, string? DeskName, string? Operator, DateTimeOffset At, long CheckInVersion);
