namespace Collaboration.Grains.Live;

/// <summary>
/// One event of a feeding grain, numbered by the grain's <see cref="LiveLog.Version"/>. It is kept in
/// the grain's state (its recent tail) by the same write as the change it describes, so it exists
/// if and only if that change committed. <see cref="Data"/> is one of the grain's event records.
/// </summary>
[GenerateSerializer, Immutable, Alias("live-event")]
public sealed record LiveEvent(
    [property: Id(0)] long Version,
    [property: Id(1)] string Type,
    [property: Id(2)] object Data,
    [property: Id(3)] DateTimeOffset At);
