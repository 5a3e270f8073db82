namespace Collaboration.Grains.Meetings;

/// <summary>The skeleton of a Québec board's agenda, with the table's standing items in the middle.</summary>
public static class AgendaTemplate
{
    public const int MaxStandingItems = 30;

    public static IReadOnlyList<AgendaTemplateItem> With(IReadOnlyList<AgendaTemplateItem> standing) =>
    [
        new("Ouverture de la rencontre", 5),
        new("Adoption de l'ordre du jour", 5),
        new("Adoption du procès-verbal", 5, AdoptsMinutes: true),
        .. standing,
        new("Varia", 10),
        new("Levée de la rencontre", 5),
    ];
}
