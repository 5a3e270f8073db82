namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record MinutesCommentView(
    Guid Id, MinutesCommentKind Kind, Guid AgendaItemId, Guid? DecisionId, string Text, Guid AuthorId, string AuthorName, DateTimeOffset At,
    MinutesCommentStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? PreviousText, long Version);
