using System.Threading.Channels;
using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Live;

/// <summary>
/// This silo's end of the live relay: receives every committed batch of every grain in the
/// cluster and hands it to local subscribers (the SignalR broadcaster) in version order per grain,
/// once. Relay delivery is best effort, so when a batch starts past the last version delivered,
/// the missing events are asked from the grain's tail before going on. Batches pushed ahead
/// (<see cref="LiveBatch.Ahead"/>) are handed over as they come.
/// </summary>
public sealed class LocalLiveFeed : ILiveHubObserver, IAsyncDisposable
{
    private const int MaxTrackedGrains = 100_000;

    private readonly Channel<LiveBatch> _incoming = Channel.CreateUnbounded<LiveBatch>(new() { SingleReader = true });
    private readonly Dictionary<GrainId, long> _lastDelivered = []; // dispatcher loop only
    private readonly List<Action<LiveBatch>> _subscribers = [];
    private readonly IGrainFactory _grains;
    private readonly ILogger<LocalLiveFeed> _logger;
    private readonly Task _loop;

    public LocalLiveFeed(IGrainFactory grains, ILogger<LocalLiveFeed> logger)
    {
        _grains = grains;
        _logger = logger;
        _loop = Task.Run(DispatchAsync);
    }

    /// <summary>Receives every batch from now on, on the feed's loop: keep handlers short.</summary>
    public IDisposable Subscribe(Action<LiveBatch> handler)
    {
        lock (_subscribers) _subscribers.Add(handler);
        return new Unsubscriber(this, handler);
    }

    public Task OnEventsAsync(LiveBatch batch)
    {
        _incoming.Writer.TryWrite(batch);
        return Task.CompletedTask;
    }

    private async Task DispatchAsync()
    {
        await foreach (var batch in _incoming.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await DeliverAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Could not deliver live events of {Feed}:{Key}", batch.Feed, batch.Key);
            }
        }
    }

    private async Task DeliverAsync(LiveBatch batch)
    {
        if (batch.Events.Count == 0) return;
        if (batch.Ahead)
        {
            Publish(batch); // outside the feed's versions: nothing to order or refill
            return;
        }
        var first = batch.Events[0].Version;
        var last = batch.Events[^1].Version;
        var known = _lastDelivered.TryGetValue(batch.Source, out var delivered);
        if (known && delivered >= last) return; // already delivered (a gap fill got there first)

        var events = batch.Events;
        if (known && first > delivered + 1)
        {
            // A batch was lost or overtaken: the grain's tail has the truth.
            var replay = await _grains.GetGrain<ILiveFeedGrain>(batch.Source).GetEventsSinceAsync(delivered).ConfigureAwait(false);
            ConcertationMetrics.LiveGapsRefilled.Add(1, new KeyValuePair<string, object?>("by", "relay"));
            events = replay.Events is { } missed ? [.. missed.Where(e => e.Version <= last)] : batch.Events;
        }
        else if (known)
        {
            events = [.. events.Where(e => e.Version > delivered)];
        }
        if (events.Count == 0) return;

        Publish(batch with { Events = events });
        ConcertationMetrics.LiveDeliveries.Add(events.Count);
        if (!known && _lastDelivered.Count >= MaxTrackedGrains) _lastDelivered.Clear();
        _lastDelivered[batch.Source] = Math.Max(delivered, events[^1].Version);
    }

    private void Publish(LiveBatch batch)
    {
        Action<LiveBatch>[] handlers;
        lock (_subscribers) handlers = [.. _subscribers];
        foreach (var handler in handlers)
        {
            try
            {
                handler(batch);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A live subscriber failed on {Feed}:{Key}", batch.Feed, batch.Key);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed class Unsubscriber(LocalLiveFeed feed, Action<LiveBatch> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._subscribers) feed._subscribers.Remove(handler);
        }
    }
}
