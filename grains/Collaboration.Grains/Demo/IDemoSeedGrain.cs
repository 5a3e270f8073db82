using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Demo;

/// <summary>Remembers that the demo data was seeded, so a restart does not seed it twice.</summary>
[Alias("demo-seed")]
public interface IDemoSeedGrain : IGrainWithStringKey
{
    Task<bool> IsSeededAsync();

    Task MarkSeededAsync();
}
