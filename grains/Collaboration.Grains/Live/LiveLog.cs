namespace Collaboration.Grains.Live;

/// <summary>
/// The part of a feeding grain's state that makes live updates exact: the version (one more per
/// event) and a bounded tail of the most recent events, for subscribers that missed some.
/// </summary>
[GenerateSerializer, Alias("live-log")]
public sealed class LiveLog
{
    /// <summary>How many recent events a grain keeps; a subscriber further behind gets a snapshot.</summary>
    public const int TailLength = 256;

    [Id(0)] public long Version { get; set; }

    /// <summary>The last events, oldest first, with consecutive versions ending at <see cref="Version"/>.</summary>
    [Id(1)] public List<LiveEvent> Recent { get; set; } = [];

    /// <param name="tailLength">How many events to keep (at most <see cref="TailLength"/>): a grain whose events are whole
    /// snapshots of a part keeps fewer, since a subscriber further behind loses nothing by taking the snapshot.</param>
    public LiveEvent Append(object data, DateTimeOffset at, int tailLength = TailLength)
    {
        var entry = new LiveEvent(++Version, data.GetType().Name, data, at);
        Recent.Add(entry);
        if (Recent.Count > tailLength) Recent.RemoveRange(0, Recent.Count - tailLength);
        return entry;
    }

    /// <summary>The last event, given new data under the same version (it was never published: see <c>LiveGrain.RaiseOrMerge</c>).</summary>
    public LiveEvent ReplaceLast(object data, DateTimeOffset at)
    {
        if (Recent.Count == 0 || Recent[^1].Version != Version) throw new InvalidOperationException("The log holds no last event to replace.");
        return Recent[^1] = Recent[^1] with { Type = data.GetType().Name, Data = data, At = at };
    }

    /// <summary>
    /// The events after <paramref name="sinceVersion"/> up to <paramref name="upToVersion"/> (the
    /// last committed one); null when the tail no longer reaches back that far, or when the caller
    /// claims a version this grain never committed (storage was reset, or a write failed).
    /// </summary>
    public IReadOnlyList<LiveEvent>? Since(long sinceVersion, long upToVersion)
    {
        if (sinceVersion > upToVersion || sinceVersion < 0 || upToVersion > Version) return null;
        if (sinceVersion == upToVersion) return [];
        var oldest = Recent.Count > 0 ? Recent[0].Version : Version + 1;
        if (sinceVersion + 1 < oldest) return null;
        return Recent.GetRange((int)(sinceVersion + 1 - oldest), (int)(upToVersion - sinceVersion));
    }
}
