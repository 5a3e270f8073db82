namespace Collaboration.Grains.Live;

/// <summary>
/// Events of one grain that committed together, on their way to every silo's hub.
/// <see cref="Feed"/> is the grain type ("meeting"), <see cref="Key"/> its key as topics spell it
/// (a Guid in "D" form, or the string key), <see cref="Source"/> the grain to ask for a gap.
/// <para>
/// <see cref="Ahead"/>: a change committed by another grain (<see cref="Source"/>) that the feed of
/// <see cref="Feed"/>/<see cref="Key"/> will itself raise later, pushed to that feed's topics first so the
/// screens need not wait for the feed's own write (a desk's arrival, pushed from the registration's commit
/// before the colloque's figures hold it). Unversioned (<see cref="LiveEvent.Version"/> 0) and best effort:
/// subscribers apply it idempotently, and the feed's versioned event, which follows, is the exact path.
/// </para>
/// </summary>
[GenerateSerializer, Immutable, Alias("live-batch")]
public sealed record LiveBatch(
    [property: Id(0)] GrainId Source,
    [property: Id(1)] string Feed,
    [property: Id(2)] string Key,
    [property: Id(3)] IReadOnlyList<LiveEvent> Events,
    [property: Id(4)] bool Ahead = false)
{
    /// <summary>One event committed by <paramref name="source"/>, pushed ahead to the topics of the feed <paramref name="feed"/>/<paramref name="key"/>.</summary>
    public static LiveBatch AheadOf(GrainId source, string feed, string key, object domainEvent, DateTimeOffset at) =>
        new(source, feed, key, [new LiveEvent(0, domainEvent.GetType().Name, domainEvent, at)], Ahead: true);
}
