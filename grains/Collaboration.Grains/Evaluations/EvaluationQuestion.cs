namespace Collaboration.Grains.Evaluations;

/// <summary>One question of a form, in French and English. <see cref="Id"/> is stable: answers and the report refer to it.</summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] QuestionKind Kind,
    [property: Id(2)] string TextFr,
    [property: Id(3)] string TextEn,
    [property: Id(4)] IReadOnlyList<ChoiceOption> Choices,
    [property: Id(5)] bool Required = false);
