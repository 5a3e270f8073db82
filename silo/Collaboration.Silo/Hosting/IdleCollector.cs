using Collaboration.Silo.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Collaboration.Silo.Hosting;

/// <summary>Deactivates idle grains every <see cref="SiloOptions.CollectionInterval"/>.</summary>
internal sealed class IdleCollector(GrainHost host, TimeProvider clock, IOptions<SiloOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CollectionInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            host.CollectIdleActivations();
    }
}
