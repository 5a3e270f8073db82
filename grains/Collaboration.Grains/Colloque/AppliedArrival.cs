using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

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
