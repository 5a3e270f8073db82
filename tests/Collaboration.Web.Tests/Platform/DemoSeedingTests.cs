using Collaboration.Grains.Demo;
using Collaboration.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Platform;

public sealed class DemoSeedingTests
{
    private sealed class CountingDemo : IDemoData
    {
        public int Runs;

        public Task SeedAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Runs);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task DemoData_IsSeededOnce_WhenSeedDemoIsOn()
    {
        var demo = new CountingDemo();
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "true"));
        await using var seeded = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IDemoData>(demo)));
        seeded.CreateClient().Dispose();

        Assert.Equal(1, demo.Runs);
        Assert.True(await seeded.Services.GetRequiredService<IGrainFactory>().GetGrain<IDemoSeedGrain>("default").IsSeededAsync());
    }

    [Fact]
    public async Task DemoData_IsNotSeeded_WhenSeedDemoIsOff()
    {
        var demo = new CountingDemo();
        await using var app = new ConcertationFactory(settings: ("Seed:Demo", "false"));
        await using var seeded = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IDemoData>(demo)));
        seeded.CreateClient().Dispose();

        Assert.Equal(0, demo.Runs);
    }
}
