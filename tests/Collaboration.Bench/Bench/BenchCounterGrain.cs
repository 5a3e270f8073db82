using Collaboration.Grains.Platform;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Collaboration.Bench.Bench;

[GrainType("bench-call")]
public sealed class BenchCallGrain : Grain, IBenchCallGrain
{
    private long _value;

    public Task<long> IncrementAsync() => Task.FromResult(++_value);
}

/// <summary>
/// Reentrant like the product's hot grains (workshop session, colloque), so concurrent calls on one
/// key share a write (<see cref="DurableGrain{TState}"/>'s coalescing); a key with one caller at a
/// time makes exactly one storage write per call.
/// </summary>
[Reentrant]
[GrainType("bench-counter")]
public sealed class BenchCounterGrain(
    [PersistentState("state", StorageNames.Grains)] IPersistentState<BenchCounterState> state, TimeProvider clock)
    : DurableGrain<BenchCounterState>(state, clock), IBenchCounterGrain
{
    public async Task<long> IncrementDurableAsync()
    {
        var value = ++State.Value;
        await WriteStateAsync();
        return value;
    }
}
