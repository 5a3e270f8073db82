using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer, Immutable]
public sealed record ColloqueSummary(Guid Id, string Title, DateOnly Date, string Venue);
