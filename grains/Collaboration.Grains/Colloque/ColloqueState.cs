using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class ColloqueState : ILiveState
{
    [Id(8)] public LiveLog Live { get; set; } = new();

    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Title { get; set; } = "";
    [Id(2)] public DateOnly Date { get; set; }
    [Id(3)] public string Venue { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public List<Desk> Desks { get; set; } = [];

    /// <summary>Last applied check-in version per registration code, with what it says (the aggregates derive from it).</summary>
    [Id(6)] public Dictionary<string, long> Applied { get; set; } = [];

    /// <summary>The last arrivals, newest last, names included (for the dashboard and the desks only).</summary>
    [Id(7)] public List<RecentArrival> Recent { get; set; } = [];
}
