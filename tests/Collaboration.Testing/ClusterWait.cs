using Collaboration.Silo.Live;

namespace Collaboration.Testing;

/// <summary>Waits for a cluster to be ready for a test: every silo's hub registered for live events.</summary>
public static class ClusterWait
{
    public static async Task UntilHubsRegisteredAsync(IGrainFactory grains, int hubs)
    {
        while ((await grains.GetGrain<ILiveHubRegistryGrain>(0).GetHubsAsync()).Count < hubs)
            await Task.Delay(50);
        // A silo's relay may have read the registry just before the last hub registered; it reads it again at its first
        // publish once its list is RefreshEvery old, so after that long every relay's next publish reaches every hub.
        // (A push outside the topic's versions, the desk's "ahead", is not replayed if it misses a hub.)
        await Task.Delay(LiveRelayGrain.RefreshEvery + TimeSpan.FromMilliseconds(100));
    }
}
