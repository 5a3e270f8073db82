namespace Collaboration.Grains.Colloque;

/// <summary>Seats of one session: taken by confirmed choices, waiting, and left (null: no limit).</summary>
[GenerateSerializer, Immutable]
public sealed record SessionSeats(Guid SessionId, int? Capacity, int Taken, int Waitlisted, int? Left);
