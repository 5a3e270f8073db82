namespace Collaboration.Grains.Live;

/// <summary>
/// Answer of <see cref="ILiveFeedGrain.GetEventsSinceAsync"/>: the grain's version and the events
/// missed since the version asked, or no events (null) when a snapshot is needed instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("live-replay")]
public sealed record LiveReplay(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<LiveEvent>? Events);
