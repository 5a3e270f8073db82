using System.Diagnostics;
using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Platform;

/// <summary>
/// Base of our grains: a persistent state, the injected clock, and one way to write.
/// <para>
/// A method checks, changes <see cref="State"/>, then awaits <see cref="WriteStateAsync"/>; the
/// caller hears success only once the write holding its change has committed. Writes are
/// coalesced: on a <c>[Reentrant]</c> grain, the changes made while a write is in flight go out
/// together in the next one (group commit), so a hot grain is not capped at one commit per call.
/// </para>
/// <para>
/// A failed write poisons the activation: the caller (and every caller waiting on the same or the
/// next write) gets <see cref="GrainStorageUnavailableException"/>, further calls are refused, and
/// the activation is deactivated, so the next call reloads the last committed state and no
/// unsaved change survives in memory.
/// </para>
/// <para>
/// On a <c>[Reentrant]</c> grain the provider is handed a deep copy of the state, taken on the
/// grain's scheduler when the write begins: Orleans' ADO.NET storage serializes the state only
/// after it has opened its connection (on a thread-pool thread), while the grain's next calls are
/// already changing the live state — serializing that would race them ("collection was modified").
/// </para>
/// <para>
/// What a change causes in other grains is layered above: <see cref="AfterCommitGrain{TState}"/>.
/// </para>
/// </summary>
public abstract class DurableGrain<TState> : Grain, IIncomingGrainCallFilter where TState : class, new()
{
    private readonly IPersistentState<TState> _state;
    private readonly TimeProvider _clock;
    private TaskCompletionSource? _nextWrite;
    private bool _writing;
    private GrainStorageUnavailableException? _broken;
    private readonly bool _interleaves;
    private bool _copyNextWrite;
    private TState? _live;
    private DeepCopier<TState>? _copier;

    protected DurableGrain(IPersistentState<TState> state, TimeProvider clock)
    {
        _state = state;
        _clock = clock;
        _interleaves = Attribute.IsDefined(GetType(), typeof(ReentrantAttribute), inherit: true);
    }

    /// <summary>The live state (on a reentrant grain, no longer the object last handed to the provider).</summary>
    protected TState State => _live ??= _state.State;

    protected DateTimeOffset Now => _clock.GetUtcNow();

    protected string GrainKey => this.GetPrimaryKeyString();

    protected Guid GrainGuidKey => this.GetPrimaryKey();

    /// <summary>Commits the state (and whatever else changed since the last write began).</summary>
    protected Task WriteStateAsync()
    {
        if (_broken is not null) return Task.FromException(_broken);
        _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = _nextWrite.Task;
        if (!_writing)
        {
            _writing = true;
            _ = WriteLoopAsync();
        }
        return committed;
    }

    /// <summary>
    /// Commits the state without holding the caller: for a write the answer must not wait on (the link sent to a known
    /// address answers as fast as for an unknown one), and for the after-commit path's own records. The state is handed to
    /// the provider as a copy, since the grain's next calls may change it while the provider serializes; a failure
    /// discards the activation as usual (<see cref="Break"/> logs it).
    /// </summary>
    private protected Task WriteStateDetachedAsync()
    {
        _copyNextWrite = true;
        return WriteStateAsync();
    }

    /// <summary>As <see cref="WriteStateDetachedAsync"/>, for a caller that has nothing to do with the outcome.</summary>
    protected void WriteStateInBackground() =>
        WriteStateDetachedAsync().ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

    /// <summary>Awaited before each write (an outbox registers its re-drive reminder before the first write that needs it).</summary>
    private protected virtual Task BeforeWriteAsync() => Task.CompletedTask;

    /// <summary>Called just before a write starts; what it returns is handed to <see cref="OnCommitted"/>.</summary>
    private protected virtual object? OnWriting() => null;

    /// <summary>
    /// Called when what this write carries is fixed (after <see cref="BeforeWriteAsync"/>, whose awaits let a reentrant
    /// grain's calls change the state further): what changed up to here commits with it, what changes later does not.
    /// </summary>
    private protected virtual void OnSealed() { }

    /// <summary>Called after a write committed (on the grain's scheduler).</summary>
    private protected virtual void OnCommitted(object? written) { }

    /// <summary>
    /// A hot aggregate (reentrant, large state) waits this long after a write began before it begins the next,
    /// so a burst shares fewer, fuller writes (as PostgreSQL's commit_delay). Zero: write at once.
    /// </summary>
    private protected virtual TimeSpan MinimumWriteInterval => TimeSpan.Zero;

    private long _lastWriteStarted;

    private async Task WriteLoopAsync()
    {
        while (_nextWrite is not null)
        {
            if (_interleaves && MinimumWriteInterval > TimeSpan.Zero && _lastWriteStarted != 0)
            {
                var wait = MinimumWriteInterval - Stopwatch.GetElapsedTime(_lastWriteStarted);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
            _lastWriteStarted = Stopwatch.GetTimestamp();
            var batch = _nextWrite!;
            _nextWrite = null;
            var written = OnWriting();
            var copy = _interleaves || _copyNextWrite;
            _copyNextWrite = false;
            try
            {
                await BeforeWriteAsync();
                // The live state itself when no call can run meanwhile (after a copied write, the provider held the copy).
                _state.State = copy ? (_copier ??= ServiceProvider.GetRequiredService<DeepCopier<TState>>()).Copy(State) : State;
                OnSealed();
                await _state.WriteStateAsync();
            }
            catch (Exception ex)
            {
                Break(ex);
                batch.SetException(_broken!);
                _nextWrite?.SetException(_broken!);
                _nextWrite = null;
                _writing = false;
                return;
            }
            batch.SetResult();
            OnCommitted(written);
        }
        _writing = false;
    }

    /// <summary>True once a write failed: the activation answers nothing more and is being discarded.</summary>
    private protected bool IsBroken => _broken is not null;

    private void Break(Exception cause)
    {
        ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(GetType()).LogError(cause,
            "Write of grain {GrainId} failed; the activation is discarded and reloads from storage", this.GetGrainId());
        _broken = new GrainStorageUnavailableException(
            $"The state of {this.GetGrainId()} could not be saved ({(cause.InnerException ?? cause).GetType().Name}); nothing was changed.");
        DeactivateOnIdle();
    }

    /// <summary>After a failed write nothing is answered from the unsaved state.</summary>
    async Task IIncomingGrainCallFilter.Invoke(IIncomingGrainCallContext context)
    {
        if (_broken is not null) throw _broken;
        await context.Invoke();
    }
}
