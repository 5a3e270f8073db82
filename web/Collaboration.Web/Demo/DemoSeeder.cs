using Collaboration.Grains.Demo;

namespace Collaboration.Web.Demo;

/// <summary>Runs every feature's <see cref="IDemoData"/> once, on the first start of a new database.</summary>
public sealed class DemoSeeder(
    IGrainFactory grains, IEnumerable<IDemoData> features, IConfiguration configuration, IHostEnvironment environment,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seed:Demo", environment.IsDevelopment())) return;
        var marker = grains.GetGrain<IDemoSeedGrain>("default");
        if (await marker.IsSeededAsync()) return;
        foreach (var feature in features)
        {
            await feature.SeedAsync(cancellationToken);
            logger.LogInformation("Demo data seeded: {Feature}", feature.GetType().Name);
        }
        await marker.MarkSeededAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
