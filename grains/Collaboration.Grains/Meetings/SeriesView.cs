namespace Collaboration.Grains.Meetings;

/// <summary>A table's series: its setup, the full agenda template, the next date after the last meeting created, the meetings it made.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesView(
    [property: Id(0)] Guid TableId, [property: Id(1)] long Version, [property: Id(2)] string Title, [property: Id(3)] string Location,
    [property: Id(4)] SeriesRule Rule, [property: Id(5)] IReadOnlyList<AgendaTemplateItem> StandingItems,
    [property: Id(6)] IReadOnlyList<AgendaTemplateItem> Template, [property: Id(7)] DateTimeOffset NextStartsAt,
    [property: Id(8)] IReadOnlyList<SeriesOccurrence> Occurrences, [property: Id(9)] DateTimeOffset FirstStartsAt);
