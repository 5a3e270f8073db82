namespace Collaboration.Grains.Meetings.Presence;

/// <summary>
/// Who has the meeting open now, one entry per person, ordered by name; <see cref="Version"/> grows with each
/// change (and across the grain's activations), so a screen keeps the newest list it was given.
/// </summary>
[GenerateSerializer, Immutable, Alias("presence-snapshot")]
public sealed record PresenceSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<PresentPerson> People);
