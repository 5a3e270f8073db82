namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>The value one increment handed out, and the activation that handed it out.</summary>
[GenerateSerializer, Immutable, Alias("test-counter-increment")]
public sealed record CounterIncrement([property: Id(0)] long Value, [property: Id(1)] Guid Activation);
