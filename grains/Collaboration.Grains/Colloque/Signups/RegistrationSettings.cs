namespace Collaboration.Grains.Colloque;

/// <summary>
/// When self-registration is open and how many places there are: in total (null: no limit) and per
/// category (a category absent from <see cref="CategoryCapacity"/> has no quota of its own).
/// <para>
/// <see cref="WaitlistCapacity"/> caps the waiting list (null: as many as the places, <see cref="WaitlistCap"/>), so that
/// an anonymous form cannot grow the colloque without bound; the organiser's list and the door are not capped.
/// </para>
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegistrationSettings(
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int? TotalCapacity,
    IReadOnlyDictionary<AttendeeCategory, int> CategoryCapacity,
    string VenueAddress,
    int? WaitlistCapacity = null)
{
    /// <summary>How many may wait: the organiser's figure, else the total capacity, else the sum of the quotas (null: no cap).</summary>
    public int? WaitlistCap => WaitlistCapacity ?? TotalCapacity ?? (CategoryCapacity.Count > 0 ? CategoryCapacity.Values.Sum() : null);
}
