namespace Collaboration.Grains.Meetings;

/// <summary>A correction of adopted minutes, carried as a motion at a later meeting: its text, where and when it was adopted.</summary>
[GenerateSerializer, Immutable]
public sealed record ErratumView(
    [property: Id(0)] Guid MotionId, [property: Id(1)] Guid AdoptedInMeetingId, [property: Id(2)] string AdoptedInMeetingTitle,
    [property: Id(3)] string Text, [property: Id(4)] DateTimeOffset AdoptedAt);
