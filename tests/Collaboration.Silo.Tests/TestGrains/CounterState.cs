using Collaboration.Grains.Live;

namespace Collaboration.Silo.Tests.TestGrains;

[GenerateSerializer, Alias("test-counter-state")]
public sealed class CounterState : ILiveState
{
    [Id(0)] public long Value { get; set; }

    [Id(1)] public LiveLog Live { get; set; } = new();
}
