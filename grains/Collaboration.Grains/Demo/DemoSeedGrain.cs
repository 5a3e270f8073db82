using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Demo;

[GrainType("demo-seed")]
public sealed class DemoSeedGrain(
    [PersistentState("demo-seed", StorageNames.Grains)] IPersistentState<DemoSeedState> state, TimeProvider clock)
    : DurableGrain<DemoSeedState>(state, clock), IDemoSeedGrain
{
    public Task<bool> IsSeededAsync() => Task.FromResult(State.SeededAt is not null);

    public async Task MarkSeededAsync()
    {
        State.SeededAt ??= Now;
        await WriteStateAsync();
    }
}
