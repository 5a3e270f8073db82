namespace Collaboration.Grains.Colloque.Events;

[GenerateSerializer, Immutable]
public sealed record ColloqueCreated(string Title, DateOnly Date, string Venue);
