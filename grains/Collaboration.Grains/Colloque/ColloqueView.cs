namespace Collaboration.Grains.Colloque;

/// <summary>The colloque as the dashboard and the desks see it.</summary>
[GenerateSerializer, Immutable]
public sealed record ColloqueView(
    Guid Id,
    string Title,
    DateOnly Date,
    string Venue,
    IReadOnlyList<Desk> Desks,
    int Arrived,
    IReadOnlyDictionary<AttendeeCategory, int> ArrivedByCategory,
    IReadOnlyDictionary<string, int> ArrivedByDesk,
    IReadOnlyList<Arrival> Arrivals,
    IReadOnlyList<RecentArrival> RecentArrivals,
    long Version);
