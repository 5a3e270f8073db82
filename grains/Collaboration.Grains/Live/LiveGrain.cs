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

    protected LiveGrain(IPersistentState<TState> state, TimeProvider clock) : base(state, clock) { }

    /// <summary>The version this call sees: the last event raised, committed or not.</summary>
    protected long Version => State.Live.Version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _committedVersion = State.Live.Version;
        return base.OnActivateAsync(cancellationToken);
    }

    protected void RaiseEvent(object domainEvent) => _unpublished.Add(State.Live.Append(domainEvent, Now, LiveTailLength));

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
