using Collaboration.Grains.Runtime;
using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;

namespace Collaboration.Silo.Tests.Runtime;

/// <summary>
/// Storage going down and coming back, on a PostgreSQL cluster of this class's own (stopping the
/// shared one would disturb the other tests).
/// </summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private PostgresCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartLocalAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task WriteWhileStorageIsDown_FailsClearly_LeavesStateAndLog_AndRecoversWithoutRestart()
    {
        var backend = new PostgresBackend(await _cluster.CreateDatabaseAsync("outage"));
        await using var silo = await backend.StartHostAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("outage");
        for (var i = 0; i < 5; i++) await grain.IncrementAsync().WaitAsync(Timeout);

        await _cluster.StopServerAsync();
        var error = await Assert.ThrowsAsync<GrainStorageUnavailableException>(() => grain.IncrementAsync().WaitAsync(Timeout));
        Assert.Contains("nothing was written", error.Message);
        await _cluster.StartServerAsync();

        var afterOutage = await grain.GetAsync().WaitAsync(Timeout);
        Assert.Equal(5, afterOutage.Value);
        Assert.Equal(5, afterOutage.Version);
        Assert.Equal(5, (await silo.Storage.ReadEventsAsync(new GrainId("test-counter", "outage"), 0, 100)).Count);
        Assert.Equal(6, await grain.IncrementAsync().WaitAsync(Timeout));
        await PostgresMultiNodeTests.WaitUntilListeningAsync(silo); // the listener reconnected by itself
    }
}
