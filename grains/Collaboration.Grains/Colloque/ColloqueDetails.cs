namespace Collaboration.Grains.Colloque;

/// <summary>What the organiser types to create a colloque.</summary>
[GenerateSerializer, Immutable]
public sealed record ColloqueDetails(string Title, DateOnly Date, string Venue);
