namespace Collaboration.Grains.Colloque;

/// <summary>What the organiser types to create a colloque.</summary>
[GenerateSerializer, Immutable]
public sealed record ColloqueDetails(string Title, DateOnly Date, string Venue);

/// <summary>A check-in desk of a colloque (a tablet, phone or laptop paired with a code).</summary>
[GenerateSerializer, Immutable]
public sealed record Desk(string DeskId, string Name, DateTimeOffset CreatedAt);
