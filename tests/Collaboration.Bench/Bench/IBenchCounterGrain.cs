using Collaboration.Grains.Runtime;

namespace Collaboration.Bench.Bench;

/// <summary>The grain the benchmarks call: a counter with an in-memory and two durable increments.</summary>
[GrainType("bench-counter")]
public interface IBenchCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one to <see cref="BenchCounterState.Value"/> WITHOUT writing; returns the new value.</summary>
    Task<long> IncrementAsync();

    /// <summary>Adds one and writes the state (durable before it returns); no event.</summary>
    Task<long> IncrementDurableAsync();

    /// <summary>Adds one, raises one <see cref="BenchCounterIncremented"/> and writes state and event together.</summary>
    Task<long> IncrementWithEventAsync();
}

public sealed class BenchCounterState
{
    public long Value { get; set; }
}

public sealed record BenchCounterIncremented(long Value);
