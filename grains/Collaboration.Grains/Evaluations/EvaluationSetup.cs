namespace Collaboration.Grains.Evaluations;

/// <summary>What the organiser saves: the questions and the schedule.</summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationSetup(
    [property: Id(0)] IReadOnlyList<EvaluationQuestion> Questions,
    [property: Id(1)] EvaluationSchedule Schedule);
