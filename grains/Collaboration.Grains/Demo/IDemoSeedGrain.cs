using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Demo;

/// <summary>Remembers that the demo data was seeded, so a restart does not seed it twice.</summary>
[Alias("demo-seed")]
public interface IDemoSeedGrain : IGrainWithStringKey
{
    Task<bool> IsSeededAsync();

    Task MarkSeededAsync();
}

[GenerateSerializer]
public sealed class DemoSeedState
{
    [Id(0)] public DateTimeOffset? SeededAt { get; set; }
}

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
