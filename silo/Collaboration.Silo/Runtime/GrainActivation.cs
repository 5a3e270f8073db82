using System.Diagnostics;
using System.Text.Json;
using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Runtime;

/// <summary>
/// The one live instance of a grain on this node, with its queue. Calls run one at a time in
/// arrival order. The calls queued while a write is in flight are run together as the next
/// batch and committed by a single write (group commit); every caller is answered only after
/// the write that holds its changes is durable. State changes are made on the live object and
/// rolled back from the last committed JSON if the write fails, so a failure never leaves the
/// in-memory state changed.
/// </summary>
internal sealed class GrainActivation : IGrainContext
{
    private readonly object _gate = new();
    private readonly GrainHost _host;
    private readonly Grain _grain;
    private readonly IStatefulGrain? _stateful;
    private List<GrainCall> _queue = [];
    private List<GrainCall> _spare = [];
    private bool _running;
    private bool _collected;

    // Last committed state, kept as the JSON that was stored: it is both the rollback copy and
    // the next write's expected version.
    private string? _committedJson;
    private long _committedVersion;
    private bool _loaded;
    private bool _activated;
    private long _knownRemoteVersion;

    // What the calls of the current batch have staged.
    private bool _writeStaged;
    private readonly List<object> _stagedEvents = [];

    public GrainActivation(GrainHost host, GrainId id, Grain grain)
    {
        _host = host;
        Id = id;
        _grain = grain;
        _stateful = grain as IStatefulGrain;
        ((IGrainBinding)grain).Bind(this);
        LastUsed = host.Clock.GetTimestamp();
    }

    public GrainId Id { get; }

    public long Version => _committedVersion + _stagedEvents.Count;

    public TimeProvider Clock => _host.Clock;

    public long LastUsed { get; private set; }

    public void StageWrite()
    {
        if (_stateful is null)
            throw new InvalidOperationException($"Grain {Id} has no state to write.");
        _writeStaged = true;
    }

    public void RaiseEvent(object domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        StageWrite();
        _stagedEvents.Add(domainEvent);
    }

    /// <summary>Queues a call. False when this activation was collected meanwhile: the host then makes a new one.</summary>
    public bool TryEnqueue(GrainCall call)
    {
        lock (_gate)
        {
            if (_collected) return false;
            _queue.Add(call);
            if (_running) return true;
            _running = true;
        }
        // The grain was idle: run on the caller's thread, like an uncontended lock. If more calls
        // arrive meanwhile the pump moves to the thread pool after this first batch.
        _ = PumpAsync();
        return true;
    }

    /// <summary>Marks the activation collected if it has been idle since <paramref name="idleSince"/>.</summary>
    public bool TryCollect(long idleSince)
    {
        lock (_gate)
        {
            if (_running || _queue.Count > 0 || LastUsed > idleSince) return false;
            _collected = true;
            return true;
        }
    }

    /// <summary>Another node committed this grain at <paramref name="version"/>: reload before the next call.</summary>
    public void ObserveRemoteVersion(long version)
    {
        lock (_gate)
        {
            if (version > _knownRemoteVersion) Volatile.Write(ref _knownRemoteVersion, version);
        }
    }

    private async Task PumpAsync()
    {
        var first = true;
        var yielded = false;
        while (true)
        {
            List<GrainCall> batch;
            // One lock per batch: the same acquisition that finds the queue empty also ends the run
            // (an uncontended call costs two lock round trips in all, this one and TryEnqueue's).
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _running = false;
                    LastUsed = _host.Clock.GetTimestamp();
                    return;
                }
                batch = TakeBatch();
            }

            if (!first && !yielded)
            {
                // More calls arrived while the first batch ran on the first caller's thread: leave
                // it, and drain the rest of the queue on the pool.
                yielded = true;
                await Task.Yield();
            }
            first = false;

            await RunBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
            _spare = batch;
        }
    }

    private List<GrainCall> TakeBatch()
    {
        var max = _host.Options.MaxBatchSize;
        if (_queue.Count <= max)
        {
            var batch = _queue;
            _queue = _spare.Count == 0 ? _spare : [];
            return batch;
        }
        var head = _queue.GetRange(0, max);
        _queue.RemoveRange(0, max);
        return head;
    }

    /// <summary>Runs a batch of calls and commits what they staged. Never throws: each caller gets its own outcome.</summary>
    private async Task RunBatchAsync(List<GrainCall> batch)
    {
        var pending = batch;
        var conflicts = 0;
        while (true)
        {
            if (NeedsLoad())
            {
                try
                {
                    await LoadAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    FailAll(pending, Unavailable("read", ex));
                    return;
                }
            }

            _writeStaged = false;
            _stagedEvents.Clear();
            var failedIndex = -1;
            for (var i = 0; i < pending.Count; i++)
            {
                try
                {
                    await pending[i].RunAsync(_grain).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    pending[i].Fail(ex);
                    failedIndex = i;
                    break;
                }
            }

            if (failedIndex >= 0)
            {
                // The failing call may have changed state half-way: go back to the committed state
                // and re-run the calls that succeeded before it (grain methods are pure, so this
                // yields the same results), then carry on with the rest.
                RestoreCommittedState();
                if (ReferenceEquals(pending, batch)) pending = [.. batch];
                pending.RemoveAt(failedIndex);
                continue;
            }

            if (!_writeStaged)
            {
                ReleaseAll(pending);
                return;
            }

            var write = BuildWrite();
            try
            {
                await _host.Storage.WriteStateAsync(write).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                conflicts++;
                _host.Metrics.Conflicts.Add(1);
                RestoreCommittedState();
                _loaded = false; // someone else wrote: reload, then re-run the whole batch
                if (conflicts > _host.Options.MaxConflictRetries)
                {
                    FailAll(pending, new GrainConflictException(
                        $"Grain {Id} was changed by another writer {conflicts} times in a row; nothing was written. " +
                        "Try again.") { GrainId = Id });
                    return;
                }
                _host.Metrics.Retries.Add(pending.Count);
                continue;
            }
            catch (Exception ex)
            {
                _host.Metrics.WriteFailures.Add(1);
                RestoreCommittedState();
                _loaded = false; // the outcome is unknown: read storage again before the next call
                FailAll(pending, Unavailable("write", ex));
                return;
            }

            _committedJson = write.StateJson;
            _committedVersion = write.NewVersion;
            _host.Metrics.Writes.Add(1);
            _host.Metrics.BatchSize.Record(pending.Count);
            ReleaseAll(pending);
            _host.Feed.PublishLocal(new GrainCommit(Id, write.ExpectedVersion, write.NewVersion, write.Events));
            return;
        }
    }

    // Asked before every batch: a lock-free read (atomic on every platform) instead of taking the
    // gate. A notice that lands just after the read is seen by the next batch, or by the conflict
    // of this batch's write, exactly as when it lands just after the lock was released.
    private bool NeedsLoad() => !_loaded || Volatile.Read(ref _knownRemoteVersion) > _committedVersion;

    private async Task LoadAsync()
    {
        if (_stateful is not null)
        {
            var stored = await _host.Storage.ReadStateAsync(Id).ConfigureAwait(false);
            _committedJson = stored?.Json;
            _committedVersion = stored?.Version ?? 0;
            RestoreCommittedState();
        }
        _loaded = true;
        if (!_activated)
        {
            _activated = true;
            await _grain.OnActivateAsync().ConfigureAwait(false);
        }
    }

    private void RestoreCommittedState()
    {
        _writeStaged = false;
        _stagedEvents.Clear();
        if (_stateful is null) return;
        _stateful.State = _committedJson is null
            ? Activator.CreateInstance(_stateful.StateType)!
            : JsonSerializer.Deserialize(_committedJson, _stateful.StateType, GrainJson.Options)!;
    }

    private GrainWrite BuildWrite()
    {
        var now = _host.Clock.GetUtcNow();
        var events = new StoredEvent[_stagedEvents.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = _stagedEvents[i];
            events[i] = new StoredEvent(Id, _committedVersion + i + 1, e.GetType().Name,
                JsonSerializer.Serialize(e, e.GetType(), GrainJson.Options), now);
        }
        var json = JsonSerializer.Serialize(_stateful!.State, _stateful.StateType, GrainJson.Options);
        return new GrainWrite(Id, _committedVersion, _committedVersion + Math.Max(1, events.Length), json, events, now);
    }

    private void ReleaseAll(List<GrainCall> calls)
    {
        // Timestamps are not free (a clock read each): time the calls only when someone listens.
        var timed = _host.Metrics.CallDuration.Enabled;
        var now = timed ? Stopwatch.GetTimestamp() : 0;
        foreach (var call in calls)
        {
            call.Release();
            if (timed && call.EnqueuedAt != 0)
                _host.Metrics.CallDuration.Record(Stopwatch.GetElapsedTime(call.EnqueuedAt, now).TotalMilliseconds);
        }
        _host.Metrics.Calls.Add(calls.Count);
    }

    private void FailAll(List<GrainCall> calls, Exception error)
    {
        foreach (var call in calls) call.Fail(error);
        _host.Metrics.Calls.Add(calls.Count);
    }

    private GrainStorageUnavailableException Unavailable(string operation, Exception ex)
    {
        _host.Logger.LogWarning(ex, "Storage {Operation} failed for grain {GrainId}", operation, Id);
        return new GrainStorageUnavailableException(
            $"Storage could not {operation} grain {Id}; nothing was written. Try again shortly.", ex) { GrainId = Id };
    }
}
