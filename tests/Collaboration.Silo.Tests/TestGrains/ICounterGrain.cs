using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.Tests.TestGrains;

[GrainType("test-counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Durable: adds one, raises <see cref="CounterIncremented"/>, returns the new value.</summary>
    Task<long> IncrementAsync();

    /// <summary>Durable: appends the value to the ordered log kept in state.</summary>
    Task AppendAsync(string caller, int sequence);

    Task<CounterSnapshot> GetAsync();

    /// <summary>Changes the state, then throws before returning.</summary>
    Task ChangeThenThrowAsync();

    /// <summary>Waits on the named gate of <see cref="TestGates"/> while holding the grain's turn.</summary>
    Task<long> HoldTurnAsync(string gate);

    /// <summary>Waits on the gate, then increments: the state it writes was loaded before the wait.</summary>
    Task<long> IncrementAfterGateAsync(string gate);
}

/// <summary><paramref name="ActivationId"/> is new for every activation: it shows a grain was collected and reactivated.</summary>
public sealed record CounterSnapshot(long Value, long Version, IReadOnlyList<string> Appended, Guid ActivationId);

public sealed record CounterIncremented(long Value);
