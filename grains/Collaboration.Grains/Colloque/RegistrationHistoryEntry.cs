namespace Collaboration.Grains.Colloque;

/// <summary>One line of a registration's history.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationHistoryEntry(DateTimeOffset At, string What, string? DeskId, string? By);
