namespace Collaboration.Grains.Colloque.Events;

public sealed record ArrivalUndone(string Code, AttendeeCategory Category, string? DeskId, long CheckInVersion);
