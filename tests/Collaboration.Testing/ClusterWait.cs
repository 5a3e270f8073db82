using Collaboration.Silo.Live;

namespace Collaboration.Testing;

/// <summary>Waits for a cluster to be ready for a test: every silo's hub registered for live events.</summary>
public static class ClusterWait
{
    public static async Task UntilHubsRegisteredAsync(IGrainFactory grains, int hubs)
    {
        while ((await grains.GetGrain<ILiveHubRegistryGrain>(0).GetHubsAsync()).Count < hubs)
            await Task.Delay(50);
    }
}
