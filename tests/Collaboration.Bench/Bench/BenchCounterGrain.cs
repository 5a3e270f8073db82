using Collaboration.Grains.Runtime;

namespace Collaboration.Bench.Bench;

public sealed class BenchCounterGrain : Grain<BenchCounterState>, IBenchCounterGrain
{
    public Task<long> IncrementAsync() => Task.FromResult(++State.Value);

    public async Task<long> IncrementDurableAsync()
    {
        State.Value++;
        await WriteStateAsync();
        return State.Value;
    }

    public async Task<long> IncrementWithEventAsync()
    {
        State.Value++;
        RaiseEvent(new BenchCounterIncremented(State.Value));
        await WriteStateAsync();
        return State.Value;
    }
}
