using System.Threading.Channels;
using Collaboration.Grains.Runtime;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.ChangeFeed;

/// <summary>
/// Hands every committed write to this node's subscribers, in version order per grain, once.
/// Local commits arrive straight from the activation; commits of other nodes arrive as
/// (grain, version) notices and their events are read from the log. One dispatcher loop keeps
/// the order and fills any gap from the log, so a subscriber never sees a version twice or out
/// of order.
/// </summary>
public sealed class LocalChangeFeed : IAsyncDisposable
{
    private const int MaxTrackedGrains = 100_000;

    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new() { SingleReader = true });
    private readonly Dictionary<GrainId, long> _lastDelivered = []; // dispatcher loop only
    private readonly List<Action<GrainCommit>> _subscribers = [];
    private readonly IGrainStorage _storage;
    private readonly ICommitNotifier? _notifier;
    private readonly ILogger<LocalChangeFeed> _logger;
    private readonly Task _loop;

    public LocalChangeFeed(IGrainStorage storage, ILogger<LocalChangeFeed> logger, ICommitNotifier? notifier = null)
    {
        _storage = storage;
        _logger = logger;
        _notifier = notifier;
        _loop = Task.Run(DispatchAsync);
    }

    /// <summary>Receives every commit from now on. Handlers run on the feed's loop: keep them short.</summary>
    public IDisposable Subscribe(Action<GrainCommit> handler)
    {
        lock (_subscribers) _subscribers.Add(handler);
        return new Unsubscriber(this, handler);
    }

    /// <summary>Called by the host right after a write of this node committed.</summary>
    public void PublishLocal(GrainCommit commit)
    {
        _notifier?.Notify(commit);
        _work.Writer.TryWrite(() => DeliverAsync(commit.GrainId, commit.FromVersion, commit.Version, commit));
    }

    /// <summary>Called when another node says it committed <paramref name="id"/> up to <paramref name="version"/>.</summary>
    public void PublishRemote(GrainId id, long fromVersion, long version) =>
        _work.Writer.TryWrite(() => DeliverAsync(id, fromVersion, version, local: null));

    /// <summary>
    /// After notices may have been missed (the listening connection dropped), compares every
    /// tracked grain with storage and delivers what is missing.
    /// </summary>
    public void Resynchronize() => _work.Writer.TryWrite(ResynchronizeAsync);

    private async Task DispatchAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Change feed could not deliver a commit");
            }
        }
    }

    private async Task DeliverAsync(GrainId id, long fromVersion, long version, GrainCommit? local)
    {
        var known = _lastDelivered.TryGetValue(id, out var last);
        if (known && last >= version) return; // already delivered

        var after = known ? last : fromVersion;
        if (local is not null && after == local.FromVersion)
        {
            Deliver(local);
        }
        else
        {
            // A remote notice, or a gap before a local commit: the log is the truth.
            var events = await _storage.ReadEventsAsync(id, after, int.MaxValue).ConfigureAwait(false);
            var upTo = events.Where(e => e.Version <= version).ToList();
            Deliver(new GrainCommit(id, after, version, upTo, IsRemote: local is null));
        }

        if (_lastDelivered.Count >= MaxTrackedGrains && !known) _lastDelivered.Clear();
        _lastDelivered[id] = version;
    }

    private async Task ResynchronizeAsync()
    {
        if (_lastDelivered.Count == 0) return;
        var versions = await _storage.ReadVersionsAsync(_lastDelivered.Keys.ToList()).ConfigureAwait(false);
        foreach (var (id, version) in versions)
        {
            if (version > _lastDelivered[id])
                await DeliverAsync(id, _lastDelivered[id], version, local: null).ConfigureAwait(false);
        }
    }

    private void Deliver(GrainCommit commit)
    {
        Action<GrainCommit>[] handlers;
        lock (_subscribers) handlers = [.. _subscribers];
        foreach (var handler in handlers)
        {
            try
            {
                handler(commit);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A change feed subscriber failed on {GrainId} v{Version}", commit.GrainId, commit.Version);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed class Unsubscriber(LocalChangeFeed feed, Action<GrainCommit> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._subscribers) feed._subscribers.Remove(handler);
        }
    }
}
