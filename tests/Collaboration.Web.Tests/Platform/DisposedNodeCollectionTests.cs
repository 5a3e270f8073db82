using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Collaboration.Web.Tests.Platform;

/// <summary>
/// A disposed test node must be collectable: the suite starts a few hundred, and each one kept alive (silo, caches, pools)
/// held the test process at ~14 GB. Starts and disposes three SQLite nodes, then counts how many service providers survive.
/// A first node is not counted: process-wide statics created while it runs (Orleans' SiloAddress interner timer, OpenTelemetry's
/// self-diagnostics timer, the EventCounters polling thread) capture its execution context, which holds WebApplicationFactory's
/// host builder; that costs one node per process, not one per test.
/// </summary>
public sealed class DisposedNodeCollectionTests
{
    [Fact]
    public async Task Disposed_nodes_are_collected()
    {
        await StartAndDisposeAsync();
        var providers = new List<WeakReference>();
        for (var i = 0; i < 3; i++) providers.Add(await StartAndDisposeAsync());

        var survivors = 3;
        for (var round = 0; round < 10 && survivors > 0; round++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            survivors = providers.Count(p => p.IsAlive);
            if (survivors > 0) await Task.Delay(200);
        }
        // Local tool: CONCERTATION_PROBE_DUMP=/path writes a heap dump to look for the survivors' roots (dotnet-dump analyze, gcroot).
        var dumpPath = Environment.GetEnvironmentVariable("CONCERTATION_PROBE_DUMP");
        if (survivors > 0 && !string.IsNullOrEmpty(dumpPath))
        {
            using var dump = Process.Start("dotnet-dump", $"collect -p {Environment.ProcessId} -o {dumpPath} --type Heap")!;
            await dump.WaitForExitAsync();
        }
        Assert.Equal(0, survivors);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> StartAndDisposeAsync()
    {
        var app = new ConcertationFactory();
        var client = app.CreateClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();
        var provider = new WeakReference(app.Services);
        client.Dispose();
        await app.DisposeAsync();
        return provider;
    }
}
