namespace Collaboration.Grains.Colloque;

public sealed class ColloqueState
{
    public bool Exists { get; set; }
    public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Venue { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<Desk> Desks { get; set; } = [];

    /// <summary>Last applied check-in version per registration code, with what it says (the aggregates derive from it).</summary>
    public Dictionary<string, AppliedArrival> Applied { get; set; } = [];

    /// <summary>The last arrivals, newest last, names included (for the dashboard and the desks only).</summary>
    public List<RecentArrival> Recent { get; set; } = [];
}

public sealed class AppliedArrival
{
    public long CheckInVersion { get; set; }
    public bool CheckedIn { get; set; }
    public AttendeeCategory Category { get; set; }
    public string? DeskId { get; set; }
    public DateTimeOffset? At { get; set; }
}
