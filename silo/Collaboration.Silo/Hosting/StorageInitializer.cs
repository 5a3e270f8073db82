using Collaboration.Silo.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Hosting;

/// <summary>Applies storage migrations before anything else starts (registered first).</summary>
internal sealed class StorageInitializer(IGrainStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken);
        logger.LogInformation("Grain storage ready: {Provider}", storage.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
