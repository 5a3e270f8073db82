using Orleans;

namespace Collaboration.Bench.Bench;

/// <summary>Scenario "calls": a grain with no state at all, so only the call path is measured.</summary>
[Alias("bench-call")]
public interface IBenchCallGrain : IGrainWithStringKey
{
    /// <summary>Adds one to an in-memory field and returns it; no storage, no await.</summary>
    Task<long> IncrementAsync();
}

/// <summary>Scenario "postgres": a durable counter written through the product's <c>DurableGrain</c>.</summary>
[Alias("bench-counter")]
public interface IBenchCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one and writes the state (durable before it returns; coalesced with concurrent calls).</summary>
    Task<long> IncrementDurableAsync();
}

[GenerateSerializer, Alias("bench-counter-state")]
public sealed class BenchCounterState
{
    [Id(0)] public long Value { get; set; }
}
