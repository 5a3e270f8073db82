namespace Collaboration.Grains.Colloque.Events;

public sealed record ColloqueCreated(string Title, DateOnly Date, string Venue);
