using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Tests.Runtime;

/// <summary>The host's guarantees (DESIGN.md 1–3, 5), proven on each storage provider.</summary>
public abstract class GrainHostTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    protected abstract Task<StorageBackend> CreateBackendAsync();

    [Fact]
    public async Task ConcurrentIncrements_EndAtExactly500_WithOneEventEach()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();
        var counter = silo.Grains.GetGrain<ICounterGrain>("hot");

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(counter.IncrementAsync))).WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), results.Order());
        var snapshot = await counter.GetAsync().WaitAsync(Timeout);
        Assert.Equal(500, snapshot.Value);
        Assert.Equal(500, snapshot.Version);
        var events = await silo.Storage.ReadEventsAsync(new("test-counter", "hot"), 0, 1_000).WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), events.Select(e => e.Version));
    }

    [Fact]
    public async Task CallsFromOneCaller_RunInTheOrderTheyWereMade()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("ordered");

        // Each caller fires its calls without waiting for the previous answer.
        var callers = Enumerable.Range(0, 4).Select(c => Task.Run(() =>
            Task.WhenAll(Enumerable.Range(0, 100).Select(i => grain.AppendAsync($"c{c}", i)).ToList())));
        await Task.WhenAll(callers).WaitAsync(Timeout);

        var appended = (await grain.GetAsync().WaitAsync(Timeout)).Appended;
        Assert.Equal(400, appended.Count);
        for (var c = 0; c < 4; c++)
        {
            var mine = appended.Where(a => a.StartsWith($"c{c}:", StringComparison.Ordinal)).Select(a => int.Parse(a[(a.IndexOf(':') + 1)..]));
            Assert.Equal(Enumerable.Range(0, 100), mine);
        }
    }

    [Fact]
    public async Task TwoGrains_RunInParallel_WhileOneGrainRunsOneCallAtATime()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();
        var held = silo.Grains.GetGrain<ICounterGrain>("held");
        var other = silo.Grains.GetGrain<ICounterGrain>("other");
        await held.IncrementAsync().WaitAsync(Timeout);

        var holding = held.HoldTurnAsync("gate");
        await silo.Services.GetRequiredService<TestGates>().Entered("gate").WaitAsync(Timeout);
        var queuedBehind = held.IncrementAsync();

        Assert.Equal(1, await other.IncrementAsync().WaitAsync(Timeout)); // another grain is not blocked
        await Task.Delay(100);
        Assert.False(queuedBehind.IsCompleted, "a second call on the held grain must wait for the first");

        silo.Services.GetRequiredService<TestGates>().Open("gate");
        Assert.Equal(1, await holding.WaitAsync(Timeout));
        Assert.Equal(2, await queuedBehind.WaitAsync(Timeout));
    }

    [Fact]
    public async Task IdleGrain_IsCollected_AndTheNextCallReactivatesItWithStoredState()
    {
        await using var backend = await CreateBackendAsync();
        var clock = new ManualClock();
        var setup = StorageBackend.Setup with
        {
            ConfigureServices = services =>
            {
                StorageBackend.Setup.ConfigureServices!(services);
                services.AddSingleton<TimeProvider>(clock);
            },
        };
        await using var silo = await backend.StartHostAsync(setup, ("Silo:IdleCollectionAge", "00:15:00"));
        var grain = silo.Grains.GetGrain<ICounterGrain>("idle");
        for (var i = 0; i < 3; i++) await grain.IncrementAsync().WaitAsync(Timeout);
        var before = await grain.GetAsync().WaitAsync(Timeout);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, silo.GrainHost.CollectIdleActivations()); // used 14 minutes ago: kept
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, silo.GrainHost.CollectIdleActivations());
        Assert.False(silo.GrainHost.IsActive(new("test-counter", "idle")));

        var after = await grain.GetAsync().WaitAsync(Timeout);
        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.Equal(3, after.Value);
        Assert.Equal(3, after.Version);
        Assert.Equal(4, await grain.IncrementAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task IdleCollection_DefaultsToFifteenMinutes_LikeOrleans()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();

        Assert.Equal(TimeSpan.FromMinutes(15), silo.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Collaboration.Silo.Hosting.SiloOptions>>().Value.IdleCollectionAge);
    }

    [Fact]
    public async Task HostRestart_KeepsEveryAcknowledgedWrite()
    {
        await using var backend = await CreateBackendAsync();
        var first = await backend.StartHostAsync();
        var acknowledged = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => first.Grains.GetGrain<ICounterGrain>($"k{i % 20}").IncrementAsync())).WaitAsync(Timeout);
        Assert.Equal(200, acknowledged.Length);

        // A new host on the same storage, while the first is simply abandoned (as after a crash).
        await using var second = await backend.StartHostAsync();
        for (var k = 0; k < 20; k++)
            Assert.Equal(10, (await second.Grains.GetGrain<ICounterGrain>($"k{k}").GetAsync().WaitAsync(Timeout)).Value);
        await first.DisposeAsync();
    }

    [Fact]
    public async Task CallThatThrows_LeavesStateUnchanged_AndOtherQueuedCallsCommit()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("throws");
        await grain.IncrementAsync().WaitAsync(Timeout);

        var calls = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            calls.Add(grain.IncrementAsync());
            calls.Add(grain.ChangeThenThrowAsync());
        }
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try { await c; return "ok"; } catch (InvalidOperationException) { return "refused"; }
        })).WaitAsync(Timeout);

        Assert.Equal(20, outcomes.Count(o => o == "refused"));
        var snapshot = await grain.GetAsync().WaitAsync(Timeout);
        Assert.Equal(21, snapshot.Value);
        var stored = await silo.Storage.ReadStateAsync(new("test-counter", "throws")).WaitAsync(Timeout);
        Assert.Contains("\"value\":21", stored!.Json.Replace(" ", ""));
    }

    [Fact]
    public async Task ReplaySinceVersion_ReturnsExactlyTheMissedEvents()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();
        var grain = silo.Grains.GetGrain<ICounterGrain>("replay");
        for (var i = 0; i < 10; i++) await grain.IncrementAsync().WaitAsync(Timeout);

        var missed = await silo.Storage.ReadEventsAsync(new("test-counter", "replay"), afterVersion: 4, maxCount: 100).WaitAsync(Timeout);

        Assert.Equal([5L, 6, 7, 8, 9, 10], missed.Select(e => e.Version));
        Assert.All(missed, e => Assert.Equal(nameof(CounterIncremented), e.Type));
        Assert.Equal($"{{\"value\":{missed[0].Version}}}", missed[0].Data.Replace(" ", ""));
    }

    [Fact]
    public async Task LocalSubscriber_ReceivesEachCommitOnce_InVersionOrder()
    {
        await using var backend = await CreateBackendAsync();
        await using var silo = await backend.StartHostAsync();
        var received = new List<long>();
        var all = new TaskCompletionSource();
        using var subscription = silo.Feed.Subscribe(commit =>
        {
            lock (received)
            {
                received.AddRange(commit.Events.Select(e => e.Version));
                if (received.Count == 100) all.TrySetResult();
            }
        });

        var grain = silo.Grains.GetGrain<ICounterGrain>("feed");
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => grain.IncrementAsync())).WaitAsync(Timeout);
        await all.Task.WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), received);
    }
}

public sealed class SqliteGrainHostTests : GrainHostTests
{
    protected override Task<StorageBackend> CreateBackendAsync() => Task.FromResult<StorageBackend>(new SqliteBackend());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainHostTests(PostgresFixture postgres) : GrainHostTests
{
    protected override async Task<StorageBackend> CreateBackendAsync() => await PostgresBackend.CreateAsync(postgres.Cluster);
}
