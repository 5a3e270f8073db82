namespace Collaboration.Grains.Colloque.Events;

[GenerateSerializer, Immutable]
public sealed record ArrivalUndone(string Code, AttendeeCategory Category, string? DeskId, long CheckInVersion);
