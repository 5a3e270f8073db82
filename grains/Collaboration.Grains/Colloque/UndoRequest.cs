namespace Collaboration.Grains.Colloque;

/// <summary>Who asks for an undo: the organiser, or a desk (its own check-in, within two minutes).</summary>
[GenerateSerializer, Immutable]
public sealed record UndoRequest(Guid ColloqueId, string? DeskId, string By);
