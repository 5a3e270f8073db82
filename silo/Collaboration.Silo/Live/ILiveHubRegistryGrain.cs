namespace Collaboration.Silo.Live;

/// <summary>
/// The hubs of the cluster (key 0): each silo registers its observer every few seconds; the
/// observers of silos that membership declared dead are dropped.
/// </summary>
[Alias("live-hub-registry")]
public interface ILiveHubRegistryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(SiloAddress silo, ILiveHubObserver observer);

    /// <summary>The hub observer of every live silo that registered, by silo.</summary>
    Task<Dictionary<SiloAddress, ILiveHubObserver>> GetHubsAsync();
}
