namespace Collaboration.Grains.Colloque.Events;

/// <summary>The announcement on every screen; null text clears it.</summary>
[GenerateSerializer, Immutable]
public sealed record AnnouncementChanged(string? Text, DateTimeOffset At);
