using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;

namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>
/// Reentrant like the product's hot grains, so concurrent increments share writes (group commit):
/// each call changes the state without awaiting, then awaits the write that holds its change.
/// </summary>
[Reentrant]
[GrainType("test-counter")]
public sealed class CounterGrain(
    [PersistentState("state", StorageNames.Grains)] IPersistentState<CounterState> state, TimeProvider clock, ILocalSiloDetails silo)
    : LiveGrain<CounterState>(state, clock), ICounterGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    public async Task<CounterIncrement> IncrementAsync()
    {
        var value = ++State.Value;
        RaiseEvent(new CounterIncremented(value));
        await WriteStateAsync();
        return new CounterIncrement(value, _activation);
    }

    public Task<CounterReading> GetAsync() => Task.FromResult(new CounterReading(State.Value, Version, _activation, silo.SiloAddress));
}
