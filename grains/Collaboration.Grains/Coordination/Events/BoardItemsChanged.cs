namespace Collaboration.Grains.Coordination.Events;

/// <summary>Items that appeared or changed (whole), and items no meeting carries any more.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardItemsChanged(IReadOnlyList<BoardItem> Changed, IReadOnlyList<Guid> Removed);
