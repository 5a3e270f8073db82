using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

/// <summary>Seat counts: what the public topic carries.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopCounts(
    int Capacity,
    int ConfirmedSeats,
    int SeatsLeft,
    int Confirmed,
    int Waitlisted,
    int WaitlistedSeats,
    WorkshopStatus Status);
