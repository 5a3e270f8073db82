namespace Collaboration.Silo.Live;

/// <summary>Not persisted: after a restart or a move every silo registers again within one period.</summary>
[GrainType("live-hub-registry")]
public sealed class LiveHubRegistryGrain(IClusterMembershipService membership) : Grain, ILiveHubRegistryGrain
{
    private readonly Dictionary<SiloAddress, ILiveHubObserver> _hubs = [];

    public Task RegisterAsync(SiloAddress silo, ILiveHubObserver observer)
    {
        _hubs[silo] = observer;
        return Task.CompletedTask;
    }

    public Task<Dictionary<SiloAddress, ILiveHubObserver>> GetHubsAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        foreach (var silo in _hubs.Keys.Where(s => snapshot.GetSiloStatus(s) is SiloStatus.Dead).ToList()) _hubs.Remove(silo);
        return Task.FromResult(new Dictionary<SiloAddress, ILiveHubObserver>(_hubs));
    }
}
