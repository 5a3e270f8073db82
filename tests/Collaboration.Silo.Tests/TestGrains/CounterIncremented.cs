namespace Collaboration.Silo.Tests.TestGrains;

/// <summary>The counter's live event: written in the same state write as the increment.</summary>
[GenerateSerializer, Immutable, Alias("test-counter-incremented")]
public sealed record CounterIncremented([property: Id(0)] long Value);
