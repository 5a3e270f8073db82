using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Tests.Runtime;

/// <summary>DESIGN.md guarantee 6: several nodes on one PostgreSQL stay correct, and hear each other.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMultiNodeTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoHosts_Incrementing_OneGrain_1000Times_EndAtExactly1000()
    {
        await using var backend = await PostgresBackend.CreateAsync(postgres.Cluster);
        await using var a = await backend.StartHostAsync(("Silo:MaxConflictRetries", "1000"));
        await using var b = await backend.StartHostAsync(("Silo:MaxConflictRetries", "1000"));

        var onA = Enumerable.Range(0, 500).Select(_ => Task.Run(() => a.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync()));
        var onB = Enumerable.Range(0, 500).Select(_ => Task.Run(() => b.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync()));
        var results = await Task.WhenAll(onA.Concat(onB)).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Order()); // no value handed out twice
        var stored = await a.Storage.ReadStateAsync(new GrainId("test-counter", "shared"));
        Assert.Equal(1000, stored!.Version);
        var events = await a.Storage.ReadEventsAsync(new GrainId("test-counter", "shared"), 0, 2_000);
        Assert.Equal(1000, events.Select(e => e.Data).Distinct().Count());
    }

    [Fact]
    public async Task EventWrittenOnHostA_ReachesSubscriberOnHostB()
    {
        await using var backend = await PostgresBackend.CreateAsync(postgres.Cluster);
        await using var a = await backend.StartHostAsync();
        await using var b = await backend.StartHostAsync();
        await WaitUntilListeningAsync(b);
        var received = new List<(long Version, bool Remote)>();
        var done = new TaskCompletionSource();
        using var subscription = b.Feed.Subscribe(commit =>
        {
            lock (received)
            {
                received.AddRange(commit.Events.Select(e => (e.Version, commit.IsRemote)));
                if (received.Count >= 20) done.TrySetResult();
            }
        });

        for (var i = 0; i < 20; i++) await a.Grains.GetGrain<ICounterGrain>("heard").IncrementAsync().WaitAsync(Timeout);

        await done.Task.WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => ((long)i, true)), received);
    }

    [Fact]
    public async Task HostB_SeesHostAsWrite_WithoutAConflict_AfterTheNotice()
    {
        await using var backend = await PostgresBackend.CreateAsync(postgres.Cluster);
        await using var a = await backend.StartHostAsync();
        await using var b = await backend.StartHostAsync();
        await WaitUntilListeningAsync(b);
        await b.Grains.GetGrain<ICounterGrain>("fresh").IncrementAsync().WaitAsync(Timeout);
        var heard = new TaskCompletionSource();
        using var subscription = b.Feed.Subscribe(c => { if (c.Version == 2) heard.TrySetResult(); });

        await a.Grains.GetGrain<ICounterGrain>("fresh").IncrementAsync().WaitAsync(Timeout);
        await heard.Task.WaitAsync(Timeout);

        Assert.Equal(2, (await b.Grains.GetGrain<ICounterGrain>("fresh").GetAsync().WaitAsync(Timeout)).Value);
    }

    [Fact]
    public async Task ConflictRetriesExhausted_FailClearly_AndWriteNothing()
    {
        await using var backend = await PostgresBackend.CreateAsync(postgres.Cluster);
        await using var a = await backend.StartHostAsync(("Silo:MaxConflictRetries", "0"));
        await using var b = await backend.StartHostAsync();
        var onA = a.Grains.GetGrain<ICounterGrain>("contended");
        var onB = b.Grains.GetGrain<ICounterGrain>("contended");
        await onB.IncrementAsync().WaitAsync(Timeout);
        await onA.GetAsync().WaitAsync(Timeout); // A loads version 1

        // A's call holds state loaded at version 1 while B commits version 2.
        var stale = onA.IncrementAfterGateAsync("late");
        await a.Services.GetRequiredService<TestGates>().Entered("late").WaitAsync(Timeout);
        await onB.IncrementAsync().WaitAsync(Timeout);
        a.Services.GetRequiredService<TestGates>().Open("late");

        var error = await Assert.ThrowsAsync<GrainConflictException>(() => stale.WaitAsync(Timeout));
        Assert.Equal(new GrainId("test-counter", "contended"), error.GrainId);
        var stored = await a.Storage.ReadStateAsync(new GrainId("test-counter", "contended"));
        Assert.Equal(2, stored!.Version);
        Assert.Equal(2, (await a.Storage.ReadEventsAsync(new GrainId("test-counter", "contended"), 0, 100)).Count);
        Assert.Equal(2, (await onA.GetAsync().WaitAsync(Timeout)).Value); // A rolled back and reloaded
    }

    [Fact]
    public async Task Conflict_IsRetriedOnReloadedState_AndTheCallSucceeds()
    {
        await using var backend = await PostgresBackend.CreateAsync(postgres.Cluster);
        await using var a = await backend.StartHostAsync();
        await using var b = await backend.StartHostAsync();
        var onA = a.Grains.GetGrain<ICounterGrain>("retried");
        var onB = b.Grains.GetGrain<ICounterGrain>("retried");
        await onB.IncrementAsync().WaitAsync(Timeout);
        await onA.GetAsync().WaitAsync(Timeout);

        var stale = onA.IncrementAfterGateAsync("late");
        await a.Services.GetRequiredService<TestGates>().Entered("late").WaitAsync(Timeout);
        await onB.IncrementAsync().WaitAsync(Timeout);
        a.Services.GetRequiredService<TestGates>().Open("late");

        Assert.Equal(3, await stale.WaitAsync(Timeout)); // re-run on version 2, not a lost update
        Assert.Equal(3, (await a.Storage.ReadStateAsync(new GrainId("test-counter", "retried")))!.Version);
    }

    internal static async Task WaitUntilListeningAsync(SiloTestHost host)
    {
        var listener = (ChangeFeed.Postgres.PostgresCommitListener)host.Services.GetService(typeof(ChangeFeed.Postgres.PostgresCommitListener))!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!listener.IsListening)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The commit listener did not connect.");
            await Task.Delay(20);
        }
    }
}
