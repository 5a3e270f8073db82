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

/// <summary>One arrival as the aggregates know it (no personal data beyond the code).</summary>
[GenerateSerializer, Immutable]
public sealed record Arrival(string Code, AttendeeCategory Category, string? DeskId, DateTimeOffset At);

/// <summary>A recent arrival shown on the dashboard, with the name.</summary>
[GenerateSerializer, Immutable]
public sealed record RecentArrival(string Code, string Name, string Organisation, AttendeeCategory Category, string? DeskId, DateTimeOffset At);
