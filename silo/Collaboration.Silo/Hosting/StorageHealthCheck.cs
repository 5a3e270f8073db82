using Collaboration.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Silo.Hosting;

/// <summary>/health is healthy only when grain storage answers.</summary>
public sealed class StorageHealthCheck(IGrainStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await storage.CheckHealthAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{storage.Name} storage answers");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{storage.Name} storage does not answer", ex);
        }
    }
}
