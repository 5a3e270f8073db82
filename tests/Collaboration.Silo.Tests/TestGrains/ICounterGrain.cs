using Collaboration.Grains.Live;

namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>A counter on the product's write path (LiveGrain over DurableGrain), for cluster and storage tests.</summary>
[Alias("test-counter")]
public interface ICounterGrain : IGrainWithStringKey, ILiveFeedGrain
{
    /// <summary>Adds one; answers once the write holding it committed.</summary>
    Task<CounterIncrement> IncrementAsync();

    Task<CounterReading> GetAsync();
}
