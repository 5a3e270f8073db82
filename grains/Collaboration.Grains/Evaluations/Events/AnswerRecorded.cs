namespace Collaboration.Grains.Evaluations.Events;

/// <summary>An answer arrived or changed: how many there are now. Nothing of the answer itself (subscribers re-read the results).</summary>
[GenerateSerializer, Immutable]
public sealed record AnswerRecorded([property: Id(0)] int Answers);
