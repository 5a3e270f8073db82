using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.Tests.TestGrains;

public sealed class CounterGrain(TestGates gates) : Grain<CounterState>, ICounterGrain
{
    private readonly Guid _activationId = Guid.NewGuid(); // not persisted: one per activation

    public async Task<long> IncrementAsync()
    {
        State.Value++;
        RaiseEvent(new CounterIncremented(State.Value));
        await WriteStateAsync();
        return State.Value;
    }

    public async Task AppendAsync(string caller, int sequence)
    {
        State.Appended.Add($"{caller}:{sequence}");
        await WriteStateAsync();
    }

    public Task<CounterSnapshot> GetAsync() =>
        Task.FromResult(new CounterSnapshot(State.Value, Version, [.. State.Appended], _activationId));

    public Task ChangeThenThrowAsync()
    {
        State.Value += 1000;
        throw new InvalidOperationException("refused after changing state");
    }

    public async Task<long> IncrementAfterGateAsync(string gate)
    {
        await gates.WaitAsync(gate);
        return await IncrementAsync();
    }

    public async Task<long> HoldTurnAsync(string gate)
    {
        await gates.WaitAsync(gate);
        return State.Value;
    }
}
