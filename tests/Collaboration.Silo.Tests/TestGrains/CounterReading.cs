namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>The counter as its activation sees it: value, live version, which activation, on which silo.</summary>
[GenerateSerializer, Immutable, Alias("test-counter-reading")]
public sealed record CounterReading(
    [property: Id(0)] long Value,
    [property: Id(1)] long Version,
    [property: Id(2)] Guid Activation,
    [property: Id(3)] SiloAddress Silo);
