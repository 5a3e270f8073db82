namespace Collaboration.Grains.Colloque.Events;

/// <summary>Someone registered, cancelled, was promoted or changed choices: the new counts, and nothing about who.</summary>
[GenerateSerializer, Immutable]
public sealed record PlacesChanged(PlaceCounts Counts);
