namespace Collaboration.Grains.Meetings;

/// <summary>
/// A comment or a correction on circulated minutes and what became of it. An accepted correction keeps the text it
/// replaced (<see cref="PreviousText"/>): with who proposed it, who accepted it and when, it is the change's history.
/// </summary>
[GenerateSerializer]
public sealed class MinutesCommentState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public MinutesCommentKind Kind { get; set; }
    [Id(2)] public Guid AgendaItemId { get; set; }
    [Id(3)] public Guid? DecisionId { get; set; }
    [Id(4)] public string Text { get; set; } = "";
    [Id(5)] public Guid AuthorId { get; set; }
    [Id(6)] public string AuthorName { get; set; } = "";
    [Id(7)] public DateTimeOffset At { get; set; }
    [Id(8)] public MinutesCommentStatus Status { get; set; }
    [Id(9)] public string? DecidedBy { get; set; }
    [Id(10)] public DateTimeOffset? DecidedAt { get; set; }
    [Id(11)] public string? PreviousText { get; set; }
    [Id(12)] public long Version { get; set; }
}
