using Collaboration.Grains.Live;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Live;

/// <summary>
/// Fans a grain's committed events out to every silo's hub (the GPSTracker pattern). A stateless
/// worker, so it runs on the silo of the grain that publishes; one activation per silo keeps one
/// grain's batches in commit order. This silo's own hub is handed the batch directly, so local
/// subscribers never depend on the registry; other silos' observers come from the registry,
/// refreshed every few seconds rather than per batch.
/// </summary>
[StatelessWorker(1)]
[GrainType("live-relay")]
public sealed class LiveRelayGrain(LocalLiveFeed localHub, ILocalSiloDetails silo, TimeProvider clock, ILogger<LiveRelayGrain> logger)
    : Grain, ILiveRelayGrain
{
    /// <summary>How old the list of other silos' hubs may be: a hub registered since is reached once a publish finds the list this old.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    private List<ILiveHubObserver> _remoteHubs = [];
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task PublishAsync(LiveBatch batch)
    {
        await localHub.OnEventsAsync(batch);
        if (clock.GetUtcNow() - _refreshedAt > RefreshEvery)
        {
            try
            {
                var hubs = await GrainFactory.GetGrain<ILiveHubRegistryGrain>(0).GetHubsAsync();
                _remoteHubs = [.. hubs.Where(h => !h.Key.Equals(silo.SiloAddress)).Select(h => h.Value)];
                _refreshedAt = clock.GetUtcNow();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not refresh the hub list; using the last one");
            }
        }
        foreach (var hub in _remoteHubs) hub.OnEventsAsync(batch).Ignore();
    }
}
