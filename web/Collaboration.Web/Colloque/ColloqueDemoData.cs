using Collaboration.Grains.Colloque;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Colloque;

/// <summary>A colloque with 60 attendees across the categories, two desks, and a dozen already arrived.</summary>
public sealed class ColloqueDemoData(IGrainFactory grains, Registrations registrations, CheckIns checkIns) : IDemoData
{
    public static readonly Guid ColloqueId = Guid.Parse("c0110c0e-2026-4000-8000-000000000001");

    private static readonly string[] FirstNames = ["Hélène", "Marc", "Amina", "Jean-François", "Sophie", "Karim", "Isabelle", "Luc", "Fatou", "Geneviève",
        "Mathieu", "Nadia", "Pierre-Luc", "Chloé", "Olivier", "Mélanie", "Samuel", "Yasmine", "Éric", "Josée"];

    private static readonly string[] LastNames = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
        "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Diallo", "Nguyen", "Saint-Pierre", "Drapeau"];

    private static readonly (AttendeeCategory Category, string[] Organisations)[] Kinds =
    [
        (AttendeeCategory.Employer, ["Desjardins", "Bombardier", "Fromagerie du Littoral", "Premier Tech", "Pêcheries Gaspésiennes"]),
        (AttendeeCategory.ElectedOfficial, ["Ville de Rimouski", "Municipalité du Bic", "Ville de Matane"]),
        (AttendeeCategory.CommunityOrganisation, ["Accueil et intégration BSL", "Carrefour jeunesse-emploi", "Centre des femmes"]),
        (AttendeeCategory.Institution, ["CISSS du Bas-Saint-Laurent", "Cégep de Rimouski", "UQAR", "Services Québec"]),
        (AttendeeCategory.Mrc, ["MRC de Rimouski-Neigette", "MRC de La Mitis", "MRC de Matane"]),
        (AttendeeCategory.Other, ["Citoyen·ne", "Consulat", "Média régional"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var colloque = grains.GetGrain<IColloqueGrain>(ColloqueId);
        var details = new ColloqueDetails("Colloque régional en immigration 2026", new DateOnly(2026, 11, 26), "Hôtel Rimouski, salle Saint-Laurent");
        if (!await colloque.CreateAsync(details)) return;
        await grains.GetGrain<IColloqueIndexGrain>("all").AddAsync(new ColloqueSummary(ColloqueId, details.Title, details.Date, details.Venue));
        await colloque.AddDeskAsync("desk-entree", "Accueil 1 — entrée principale");
        await colloque.AddDeskAsync("desk-salle", "Accueil 2 — salle B");

        var attendees = Enumerable.Range(0, 60).Select(i =>
        {
            var (category, organisations) = Kinds[i % Kinds.Length];
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7) % LastNames.Length];
            var email = $"{NameFolding.Fold(first).Replace(" ", "")}.{NameFolding.Fold(last).Replace(" ", "")}{i}@exemple.qc.ca";
            return new AttendeeDetails($"{first} {last}", organisations[i % organisations.Length], category, email);
        }).ToList();
        var outcomes = await registrations.UpsertAsync(ColloqueId, attendees);

        for (var i = 0; i < 12; i++)
        {
            var desk = i % 2 == 0 ? ("desk-entree", "Accueil 1 — entrée principale") : ("desk-salle", "Accueil 2 — salle B");
            await checkIns.CheckInAsync(outcomes[i * 4].Code, new CheckInRequest(ColloqueId, $"demo-{i}", desk.Item1, desk.Item2, "Bénévole démo"));
        }
    }
}
