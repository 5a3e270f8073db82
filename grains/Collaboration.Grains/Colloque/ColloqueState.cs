using System.Text.Json.Serialization;

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

/// <summary>
/// One registration as the aggregates last saw it. Short JSON names: the colloque's state holds
/// one per attendee (thousands) and is rewritten at every group commit of arrivals.
/// </summary>
public sealed class AppliedArrival
{
    [JsonPropertyName("v")] public long CheckInVersion { get; set; }
    [JsonPropertyName("in")] public bool CheckedIn { get; set; }
    [JsonPropertyName("c")] public AttendeeCategory Category { get; set; }
    [JsonPropertyName("d")] public string? DeskId { get; set; }

    /// <summary>Arrival time in Unix milliseconds (0 when not checked in).</summary>
    [JsonPropertyName("t")] public long AtUnixMs { get; set; }

    [JsonIgnore]
    public DateTimeOffset? At => AtUnixMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(AtUnixMs);
}
