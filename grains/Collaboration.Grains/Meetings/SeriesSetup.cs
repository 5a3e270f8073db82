namespace Collaboration.Grains.Meetings;

/// <summary>What the organiser sets for a table's series: the meetings' title and place, when, and the standing items.</summary>
[GenerateSerializer, Immutable]
public sealed record SeriesSetup(
    [property: Id(0)] string Title, [property: Id(1)] string Location, [property: Id(2)] SeriesRule Rule,
    [property: Id(3)] IReadOnlyList<AgendaTemplateItem> StandingItems);
