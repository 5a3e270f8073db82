using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Silo.Health;

/// <summary>
/// Healthy when grain storage answers within 5 s; the data says which storage and how many silos
/// membership counts as active (what /health shows).
/// </summary>
public sealed class ClusterHealthCheck(IStorageProbe storage, IClusterMembershipService membership) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var activeSilos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object> { ["storage"] = storage.Provider, ["activeSilos"] = activeSilos };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await storage.ProbeAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{storage.Provider} storage answers; {activeSilos} active silo(s)", data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} storage does not answer", ex, data);
        }
    }
}
