namespace Collaboration.Grains.Evaluations;

[GenerateSerializer, Immutable]
public sealed record AnswerOutcome([property: Id(0)] AnswerResult Result, [property: Id(1)] IReadOnlyList<string> Wrong, [property: Id(2)] bool Changed = false);
