namespace Collaboration.Grains.Colloque;

[GenerateSerializer, Immutable]
public sealed record CheckInRecord(DateTimeOffset At, string DeskId, string DeskName, string Operator);
