namespace Collaboration.Grains.Meetings;

/// <summary>A meeting the series created, and when it was planned.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesOccurrence([property: Id(0)] Guid MeetingId, [property: Id(1)] DateTimeOffset StartsAt);
