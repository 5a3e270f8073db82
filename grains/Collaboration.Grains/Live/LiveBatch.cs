namespace Collaboration.Grains.Live;

/// <summary>
/// Events of one grain that committed together, on their way to every silo's hub.
/// <see cref="Feed"/> is the grain type ("meeting"), <see cref="Key"/> its key as topics spell it
/// (a Guid in "D" form, or the string key), <see cref="Source"/> the grain to ask for a gap.
/// </summary>
[GenerateSerializer, Immutable, Alias("live-batch")]
public sealed record LiveBatch(
    [property: Id(0)] GrainId Source,
    [property: Id(1)] string Feed,
    [property: Id(2)] string Key,
    [property: Id(3)] IReadOnlyList<LiveEvent> Events);
