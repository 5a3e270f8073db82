using Collaboration.Grains.Partners;

namespace Collaboration.Grains.Evaluations;

/// <summary>An answer as the results are computed from it (no key, in no particular order).</summary>
[GenerateSerializer, Immutable]
public sealed record AnswerRecord([property: Id(0)] Mrc? Mrc, [property: Id(1)] IReadOnlyDictionary<string, string> Values, [property: Id(2)] DateOnly Day);
