namespace Collaboration.Grains.Coordination;

/// <summary>Every action item of one table, open and done, and its meetings' decisions (newest first), with the board's version.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardView(Guid TableId, long Version, IReadOnlyList<BoardItem> Items, IReadOnlyList<BoardDecision>? Decisions = null);
