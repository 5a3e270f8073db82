namespace Collaboration.Grains.Meetings.Presence;

/// <summary>
/// Someone who has a meeting open: <see cref="Id"/> is the person (a member's or an organiser's own key), not a
/// connection, so several tabs or a phone that slept and reconnected count once.
/// </summary>
[GenerateSerializer, Immutable, Alias("present-person")]
public sealed record PresentPerson(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role);
