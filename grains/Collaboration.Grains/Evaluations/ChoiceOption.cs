namespace Collaboration.Grains.Evaluations;

/// <summary>One answer a single-choice question offers, in French and English.</summary>
[GenerateSerializer, Immutable]
public sealed record ChoiceOption([property: Id(0)] string Fr, [property: Id(1)] string En);
