using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;

namespace Collaboration.Silo.Tests.Cluster;

/// <summary>
/// What a full restart must keep, whatever the storage: a node takes writes and stops; a new node
/// on the same storage reads every acknowledged write (value, live version and event tail) and
/// goes on writing from there.
/// </summary>
internal static class RestartScenario
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<long> WriteThenStopAsync(Func<Task<SiloTestHost>> startNode, string key, int increments)
    {
        await using var node = await startNode();
        var counter = node.Grains.GetGrain<ICounterGrain>(key);
        // Concurrent, so the writes are also coalesced.
        var results = await Task.WhenAll(Enumerable.Range(0, increments).Select(_ => counter.IncrementAsync())).WaitAsync(Timeout);
        return results.Max(r => r.Value);
    }

    public static async Task AssertKeptAsync(SiloTestHost node, string key, long acknowledged)
    {
        var counter = node.Grains.GetGrain<ICounterGrain>(key);
        var reading = await counter.GetAsync().WaitAsync(Timeout);
        var tail = await counter.GetEventsSinceAsync(0).WaitAsync(Timeout);
        var next = await counter.IncrementAsync().WaitAsync(Timeout);

        Assert.Equal(acknowledged, reading.Value);
        Assert.Equal(acknowledged, reading.Version);
        Assert.Equal(acknowledged, tail.Version);
        Assert.Equal(Enumerable.Range(1, (int)acknowledged).Select(v => (long)v), tail.Events!.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(1, (int)acknowledged).Select(v => (long)v), tail.Events!.Select(e => ((CounterIncremented)e.Data).Value));
        Assert.Equal(acknowledged + 1, next.Value);
    }
}
