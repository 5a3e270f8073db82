namespace Collaboration.Grains.Colloque;

/// <summary>A recent arrival shown on the dashboard, with the name.</summary>
[GenerateSerializer, Immutable]
public sealed record RecentArrival(string Code, string Name, string Organisation, AttendeeCategory Category, string? DeskId, DateTimeOffset At);
