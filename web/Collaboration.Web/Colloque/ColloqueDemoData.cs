using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Today's colloque régional in Joliette: 60 attendees across the categories and the six MRCs of
/// Lanaudière, two desks, and a dozen already arrived (two of them at the organisers' own desk).
/// </summary>
public sealed class ColloqueDemoData(IGrainFactory grains, TimeProvider clock) : IDemoData
{
    public static readonly Guid ColloqueId = Guid.Parse("c0110c0e-2026-4000-8000-000000000001");

    private static readonly string[] FirstNames = ["Hélène", "Marc", "Amina", "Jean-François", "Sophie", "Karim", "Isabelle", "Luc", "Fatou", "Geneviève",
        "Mathieu", "Nadia", "Pierre-Luc", "Chloé", "Olivier", "Mélanie", "Samuel", "Yasmine", "Éric", "Josée"];

    private static readonly string[] LastNames = ["Rivest", "Ducharme", "Laporte", "Coutu", "Beaulieu", "Gervais", "Lachapelle", "Sylvestre", "Ouimet", "Brissette",
        "Lafortune", "Dufresne", "Bélair", "Malo", "Champagne", "Desrosiers", "Diallo", "Nguyen", "Benali", "Asselin"];

    private static readonly (AttendeeCategory Category, (string Organisation, Mrc Mrc)[] Organisations)[] Kinds =
    [
        (AttendeeCategory.Employer, [("Boulangerie Le Pétrin de Joliette", Mrc.Joliette), ("Usinage Berthier inc.", Mrc.DAutray),
            ("Érablière du Rang Double", Mrc.Montcalm), ("Résidence Le Manoir des Moulins", Mrc.LesMoulins), ("Pourvoirie du Lac-Taureau", Mrc.Matawinie)]),
        (AttendeeCategory.ElectedOfficial, [("Ville de Joliette", Mrc.Joliette), ("Ville de Terrebonne", Mrc.LesMoulins),
            ("Ville de Repentigny", Mrc.LAssomption), ("Municipalité de Saint-Donat", Mrc.Matawinie)]),
        (AttendeeCategory.CommunityOrganisation, [("Carrefour d'accueil des nouveaux arrivants de Joliette", Mrc.Joliette),
            ("Maison de la famille des Moulins", Mrc.LesMoulins), ("Centre d'intégration de Montcalm", Mrc.Montcalm)]),
        (AttendeeCategory.Institution, [("Cégep régional de Lanaudière", Mrc.LAssomption), ("CISSS de Lanaudière", Mrc.Joliette),
            ("Services Québec — Joliette", Mrc.Joliette), ("Centre de services scolaire des Samares", Mrc.DAutray)]),
        (AttendeeCategory.Mrc, [("MRC de D'Autray", Mrc.DAutray), ("MRC de Matawinie", Mrc.Matawinie), ("MRC de Montcalm", Mrc.Montcalm),
            ("MRC de L'Assomption", Mrc.LAssomption), ("MRC Les Moulins", Mrc.LesMoulins), ("MRC de Joliette", Mrc.Joliette)]),
        (AttendeeCategory.Other, [("Lanaudière Économique", Mrc.Joliette), ("Consulat général de la Colombie", Mrc.OutsideRegion),
            ("Média régional L'Action", Mrc.Joliette)]),
    ];

    private static readonly (string Id, string Name)[] Desks = [("desk-entree", "Accueil A — entrée principale"), ("desk-salle", "Accueil B — salle Manereuil")];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var colloque = grains.GetGrain<IColloqueGrain>(ColloqueId);
        var today = QuebecTime.Today(clock);
        var details = new ColloqueDetails($"Colloque régional en immigration de Lanaudière {today.Year}", today,
            "Centre culturel de Joliette, salle Rolland-Brunelle");
        if (!await colloque.CreateAsync(details)) return;
        await grains.GetGrain<IColloqueIndexGrain>("all").AddAsync(new ColloqueSummary(ColloqueId, details.Title, details.Date, details.Venue));
        foreach (var (id, name) in Desks) await colloque.AddDeskAsync(id, name);

        var attendees = Enumerable.Range(0, 60).Select(i =>
        {
            var (category, organisations) = Kinds[i % Kinds.Length];
            var (organisation, mrc) = organisations[i / Kinds.Length % organisations.Length];
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[(i * 7) % LastNames.Length];
            var email = $"{NameFolding.Fold(first).Replace(" ", "")}.{NameFolding.Fold(last).Replace(" ", "")}{i}@exemple.qc.ca";
            return new AttendeeDetails($"{first} {last}", organisation, category, email, mrc);
        }).ToList();
        var outcomes = await grains.GetGrain<IColloqueSignupsGrain>(ColloqueId)
            .ImportAsync([.. attendees.Select(a => new ImportedAttendee(a, RegistrationCodes.MatchKey(a)))]);

        string[] volunteers = ["Gabrielle", "Jacob"];
        for (var i = 0; i < 12; i++)
        {
            // The last two at the organisers' table: counted under the "Organisation" desk.
            var (deskId, deskName, by) = i >= 10 ? (Desk.OrganiserDeskId, Desk.OrganiserDeskName, "Amina Diallo")
                : (Desks[i % 2].Id, Desks[i % 2].Name, volunteers[i % 2]);
            await grains.GetGrain<IRegistrationGrain>(outcomes[i * 4].Code).CheckInAsync(new CheckInRequest(ColloqueId, $"demo-{i}", deskId, deskName, by));
        }
    }
}
