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

/// <summary>
/// One registration as the aggregates last saw it, packed in one number: the colloque's state holds
/// one per attendee (thousands) and is rewritten at every group commit of arrivals, so each entry is
/// about 28 bytes of JSON instead of an object. Bits: 0–31 arrival time in seconds after the
/// colloque's creation, 32–39 desk index (255: not one of the colloque's desks, e.g. the organiser),
/// 40–42 category, 43 checked in, 44–62 check-in version.
/// </summary>
public readonly record struct AppliedArrival(long CheckInVersion, bool CheckedIn, AttendeeCategory Category, int DeskIndex, long SecondsAfterCreation)
{
    public const int NoDesk = 255;

    public long Pack() =>
        (Math.Clamp(SecondsAfterCreation, 0, uint.MaxValue)) |
        ((long)(DeskIndex & 0xFF) << 32) |
        ((long)((int)Category & 0x7) << 40) |
        ((CheckedIn ? 1L : 0L) << 43) |
        ((CheckInVersion & 0x7FFFF) << 44);

    public static AppliedArrival Unpack(long packed) => new(
        (packed >> 44) & 0x7FFFF,
        ((packed >> 43) & 1) == 1,
        (AttendeeCategory)((packed >> 40) & 0x7),
        (int)((packed >> 32) & 0xFF),
        packed & 0xFFFFFFFFL);
}
