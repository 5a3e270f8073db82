using Collaboration.Grains.Runtime;

namespace Collaboration.Grains.Demo;

/// <summary>Remembers that the demo data was seeded, so a restart does not seed it twice.</summary>
[GrainType("demo-seed")]
public interface IDemoSeedGrain : IGrainWithStringKey
{
    Task<bool> IsSeededAsync();

    Task MarkSeededAsync();
}

public sealed class DemoSeedState
{
    public DateTimeOffset? SeededAt { get; set; }
}

public sealed class DemoSeedGrain : Grain<DemoSeedState>, IDemoSeedGrain
{
    public Task<bool> IsSeededAsync() => Task.FromResult(State.SeededAt is not null);

    public async Task MarkSeededAsync()
    {
        State.SeededAt ??= Now;
        await WriteStateAsync();
    }
}
