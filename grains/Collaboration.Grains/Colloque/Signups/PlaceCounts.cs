namespace Collaboration.Grains.Colloque;

/// <summary>Counts only — what the public page and its live topic show. Never a name, an email or a code.</summary>
[GenerateSerializer, Immutable]
public sealed record PlaceCounts(int? TotalCapacity, int Confirmed, int Waitlisted, int? Left,
    IReadOnlyList<CategoryPlaces> Categories, IReadOnlyList<SessionSeats> Sessions);
