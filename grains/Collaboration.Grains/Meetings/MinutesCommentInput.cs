namespace Collaboration.Grains.Meetings;

/// <summary>
/// A member's comment on an item of circulated minutes, or a correction: the new text of the item's notes, or of a
/// decision on it (<see cref="DecisionId"/>; not a vote's resolution, which says what was voted).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MinutesCommentInput(Guid AuthorId, Guid AgendaItemId, Guid? DecisionId, MinutesCommentKind Kind, string Text);
