namespace Collaboration.Grains.Colloque;

/// <summary>One session of the colloque's programme: public, no personal data beyond the speakers' names.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeSession(
    Guid Id,
    string TitleFr,
    string TitleEn,
    string DescriptionFr,
    string DescriptionEn,
    SessionKind Kind,
    string Room,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int? Capacity,
    IReadOnlyList<Speaker> Speakers)
{
    /// <summary>Two sessions share a time slot when their times overlap: an attendee can be in only one.</summary>
    public bool Overlaps(ProgrammeSession other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}
