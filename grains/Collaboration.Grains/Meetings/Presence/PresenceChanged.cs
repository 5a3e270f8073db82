namespace Collaboration.Grains.Meetings.Presence;

/// <summary>
/// The whole list of who has the meeting open, after it changed (feed "meeting-presence"). A list, not a
/// difference: a node that missed one is right again with the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("presence-changed")]
public sealed record PresenceChanged(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] IReadOnlyList<PresentPerson> People);
