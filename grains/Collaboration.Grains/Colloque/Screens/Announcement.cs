namespace Collaboration.Grains.Colloque;

/// <summary>A message the organiser shows on every room screen at once.</summary>
[GenerateSerializer, Immutable]
public sealed record Announcement(string Text, DateTimeOffset At);
