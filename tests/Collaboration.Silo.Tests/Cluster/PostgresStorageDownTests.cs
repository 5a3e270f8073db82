using System.Diagnostics;
using Collaboration.Grains.Platform;
using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;
using Xunit.Abstractions;

namespace Collaboration.Silo.Tests.Cluster;

/// <summary>On a PostgreSQL cluster of its own, since it stops the server.</summary>
public sealed class PostgresStorageDownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private PostgresCluster _server = null!;

    public async Task InitializeAsync() => _server = await PostgresCluster.StartLocalAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task WriteWhileStorageIsDown_FailsFastWithStorageUnavailable_KeepsNothingInMemory_AndTheNextWriteWorks()
    {
        // Arrange: one acknowledged increment, then the database server goes down.
        await using var node = await SiloTestHost.StartPostgresAsync(await _server.CreateDatabaseAsync("down"), services => services.AddTestGrains());
        var counter = node.Grains.GetGrain<ICounterGrain>("storage-down");
        var before = await counter.IncrementAsync().WaitAsync(Timeout);
        await _server.StopServerAsync();

        // Act: a write while it is down (bounded: a hang fails as a TimeoutException), then the server comes back.
        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<GrainStorageUnavailableException>(() => counter.IncrementAsync().WaitAsync(Timeout));
        output.WriteLine($"The write failed after {clock.ElapsedMilliseconds} ms with the server down."); // reported, not asserted
        await _server.StartServerAsync();
        var afterRestart = await counter.GetAsync().WaitAsync(Timeout);
        var replay = await counter.GetEventsSinceAsync(0).WaitAsync(Timeout);
        var next = await counter.IncrementAsync().WaitAsync(Timeout);

        // Assert: the failed change and its event are gone; the next write carries on from the last committed state.
        Assert.Equal(1, before.Value);
        Assert.Contains("could not be saved", failure.Message);
        Assert.Equal(1, afterRestart.Value);
        Assert.Equal(1, afterRestart.Version);
        Assert.NotEqual(before.Activation, afterRestart.Activation);
        Assert.Equal([1L], replay.Events!.Select(e => e.Version));
        Assert.Equal(2, next.Value);
        Assert.Equal(2, (await counter.GetAsync().WaitAsync(Timeout)).Value);
    }

    [Fact]
    public async Task EveryCallWhileStorageIsDown_FailsWithStorageUnavailable_AlsoWhenTheGrainMustFirstLoadItsState()
    {
        // Arrange: a counter whose write failed (its activation discarded), and a counter not loaded yet.
        await using var node = await SiloTestHost.StartPostgresAsync(await _server.CreateDatabaseAsync("down_load"), services => services.AddTestGrains());
        var failed = node.Grains.GetGrain<ICounterGrain>("failed-write");
        var notLoaded = node.Grains.GetGrain<ICounterGrain>("not-loaded");
        await failed.IncrementAsync().WaitAsync(Timeout);
        await _server.StopServerAsync();
        await Assert.ThrowsAsync<GrainStorageUnavailableException>(() => failed.IncrementAsync().WaitAsync(Timeout));

        // Act: more calls while the server is down (each bounded: a hang fails as a TimeoutException), then it comes back.
        var writeAgain = await Record.ExceptionAsync(() => failed.IncrementAsync().WaitAsync(Timeout));
        var firstRead = await Record.ExceptionAsync(() => notLoaded.GetAsync().WaitAsync(Timeout));
        await _server.StartServerAsync();

        // Assert: the same clear error whichever way the call met the outage (the web answers it with 503); all is well after.
        Assert.IsType<GrainStorageUnavailableException>(writeAgain);
        Assert.IsType<GrainStorageUnavailableException>(firstRead);
        Assert.Equal(2, (await failed.IncrementAsync().WaitAsync(Timeout)).Value);
        Assert.Equal(0, (await notLoaded.GetAsync().WaitAsync(Timeout)).Value);
    }
}
