namespace Collaboration.Grains.Colloque;

/// <summary>One arrival as the aggregates know it (no personal data beyond the code).</summary>
[GenerateSerializer, Immutable]
public sealed record Arrival(string Code, AttendeeCategory Category, string? DeskId, DateTimeOffset At);
