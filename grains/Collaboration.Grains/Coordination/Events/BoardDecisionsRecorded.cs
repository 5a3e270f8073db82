namespace Collaboration.Grains.Coordination.Events;

/// <summary>Decisions (a vote's result among them) newly recorded in one of the table's meetings.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardDecisionsRecorded(IReadOnlyList<BoardDecision> Decisions);
