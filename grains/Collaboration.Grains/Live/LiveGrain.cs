using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Live;

/// <summary>
/// A grain that feeds a live topic. <see cref="RaiseEvent"/> appends to the state's
/// <see cref="LiveLog"/>, so the event is written with the change; once that write commits, the
/// events go to the live relay, which reaches every silo's hub.
/// </summary>
public abstract class LiveGrain<TState> : AfterCommitGrain<TState>, ILiveFeedGrain where TState : class, ILiveState, new()
{
    private readonly List<LiveEvent> _unpublished = [];
    private long _committedVersion;

    // Events up to this version were shown with a view of the state (a snapshot): they must not change any more.
    private long _shownVersion;

    protected LiveGrain(IPersistentState<TState> state, TimeProvider clock) : base(state, clock) { }

    /// <summary>The version this call sees: the last event raised, committed or not.</summary>
    protected long Version => State.Live.Version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _committedVersion = State.Live.Version;
        return base.OnActivateAsync(cancellationToken);
    }

    protected void RaiseEvent(object domainEvent) => _unpublished.Add(State.Live.Append(domainEvent, Now, LiveTailLength));

    /// <summary>
    /// Folds <paramref name="domainEvent"/> into the last event raised, when that one is a <typeparamref name="T"/> raised since
    /// the last write began and shown in no snapshot, and <paramref name="merge"/> (earlier, later) gives one event saying both;
    /// otherwise raises it. So changes that commit in the same write (a burst of ballots) go out as one event: one message per
    /// subscriber instead of one per change. Nobody has seen that event yet: the relay gets it once the next write commits,
    /// replay stops at the last committed version (<see cref="GetEventsSinceAsync"/>), and a snapshot's version is final
    /// (<see cref="VersionForSnapshot"/>). A write under way may hold it in its copy of the state, but that write's commit
    /// neither publishes it nor makes it replayable; the next write, which carries the merged event, does. The merged event
    /// keeps the version, so versions stay consecutive. <paramref name="merge"/> must build a new event, never change the
    /// earlier one: a copy of the state being written may share it (immutable records are not copied).
    /// </summary>
    protected void RaiseOrMerge<T>(T domainEvent, Func<T, T, T?> merge) where T : class
    {
        if (_unpublished.Count > 0 && _unpublished[^1] is { Data: T earlier } last && last.Version > _shownVersion &&
            merge(earlier, domainEvent) is { } merged)
            _unpublished[^1] = State.Live.ReplaceLast(merged, Now);
        else RaiseEvent(domainEvent);
    }

    /// <summary>
    /// The version to show with a view of the state that a subscriber may start from: from now on the event at it is final
    /// (<see cref="RaiseOrMerge{T}"/> no longer folds into it), since a subscriber holding this version would skip it.
    /// </summary>
    protected long VersionForSnapshot() => _shownVersion = State.Live.Version;

    /// <summary>How many recent events the state keeps for subscribers that missed some (<see cref="LiveLog.TailLength"/>).</summary>
    private protected virtual int LiveTailLength => LiveLog.TailLength;

    public Task<LiveReplay> GetEventsSinceAsync(long sinceVersion) =>
        Task.FromResult(new LiveReplay(_committedVersion, State.Live.Since(sinceVersion, _committedVersion)));

    private protected override object? OnWriting()
    {
        LiveEvent[] events = [.. _unpublished];
        _unpublished.Clear();
        if (events.Length > 0) OnWritingEvents(events);
        base.OnWriting();
        return new Written(State.Live.Version, events);
    }

    /// <summary>
    /// Just before a write holding these events begins (on the grain's scheduler): an effect recorded here
    /// (<see cref="Platform.AfterCommitGrain{TState}.RecordEffect"/>) commits with them.
    /// </summary>
    protected virtual void OnWritingEvents(IReadOnlyList<LiveEvent> events) { }

    private protected override void OnCommitted(object? written)
    {
        base.OnCommitted(written);
        var (version, events) = (Written)written!;
        _committedVersion = Math.Max(_committedVersion, version);
        if (events.Length == 0) return;
        var id = this.GetGrainId();
        var key = this is IGrainWithGuidKey ? this.GetPrimaryKey().ToString() : this.GetPrimaryKeyString();
        GrainFactory.GetGrain<ILiveRelayGrain>(0).PublishAsync(new LiveBatch(id, id.Type.ToString()!, key, events)).Ignore();
    }

    /// <summary>What a write carries: the log's version when it began, and the events raised since the previous one.</summary>
    private sealed record Written(long Version, LiveEvent[] Events);
}
