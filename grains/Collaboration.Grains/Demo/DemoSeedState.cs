using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Demo;

[GenerateSerializer]
public sealed class DemoSeedState
{
    [Id(0)] public DateTimeOffset? SeededAt { get; set; }
}
