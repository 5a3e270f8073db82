namespace Collaboration.Grains.Runtime;

/// <summary>
/// Base of every grain. A grain method checks its arguments, changes <c>State</c>, calls
/// <see cref="WriteStateAsync"/> and raises events. It must be a pure function of (state,
/// arguments, <see cref="Clock"/>) until it returns: no I/O, no side effects, because the host
/// may re-run it on a fresh copy of the state when another node wrote first.
/// </summary>
public abstract class Grain : IGrainBinding
{
    private IGrainContext? _context;

    private IGrainContext Context =>
        _context ?? throw new InvalidOperationException("A grain is created by the grain host, not with 'new'.");

    protected GrainId GrainId => Context.Id;

    protected string GrainKey => Context.Id.Key;

    protected Guid GrainGuidKey => Guid.Parse(Context.Id.Key);

    /// <summary>Version of the state this call sees (last committed write plus events raised so far in the turn).</summary>
    protected long Version => Context.Version;

    protected TimeProvider Clock => Context.Clock;

    protected DateTimeOffset Now => Context.Clock.GetUtcNow();

    /// <summary>
    /// Stages the state for writing. The host commits it, with the events raised, after the method
    /// returns and before the caller is answered; calls queued on the same grain may be committed
    /// together (group commit). If the write fails the caller gets the error and the state is
    /// rolled back to the last committed version.
    /// </summary>
    protected Task WriteStateAsync()
    {
        Context.StageWrite();
        return Task.CompletedTask;
    }

    /// <summary>Raises a domain event; it is stored in the grain's event log with the state, then published.</summary>
    protected void RaiseEvent(object domainEvent) => Context.RaiseEvent(domainEvent);

    /// <summary>Runs once per activation, after the state is loaded. Must not do I/O either.</summary>
    public virtual Task OnActivateAsync() => Task.CompletedTask;

    void IGrainBinding.Bind(IGrainContext context) => _context = context;
}

/// <summary>A grain with persisted state of type <typeparamref name="TState"/>.</summary>
public abstract class Grain<TState> : Grain, IStatefulGrain where TState : class, new()
{
    protected TState State { get; set; } = new();

    Type IStatefulGrain.StateType => typeof(TState);

    object IStatefulGrain.State
    {
        get => State;
        set => State = (TState)value;
    }
}
