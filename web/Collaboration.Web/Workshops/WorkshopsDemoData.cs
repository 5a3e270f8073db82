using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Workshops;

/// <summary>Three upcoming sessions; the second nearly full with a waitlist.</summary>
public sealed class WorkshopsDemoData(IGrainFactory grains, TimeProvider clock) : IDemoData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow();
        var first = await CreateAsync("Accueillir une personne immigrante dans son équipe", "Welcoming an immigrant worker to your team",
            "Les premières semaines : accueil, parrainage, communication interculturelle.",
            "The first weeks: onboarding, mentoring, intercultural communication.",
            today.AddDays(10), "Cégep de Rimouski, salle B-204", null, 25);
        var full = await CreateAsync("Recruter à l'international : les étapes", "Recruiting internationally: the steps",
            "Permis de travail, EIMT, délais et accompagnement offert par la Table.",
            "Work permits, LMIA, timelines and the support the Table offers.",
            today.AddDays(17), null, "https://rencontre.example.org/recruter", 12);
        await CreateAsync("Francisation en milieu de travail", "French at work",
            "Les programmes de francisation offerts en entreprise et comment les financer.",
            "Workplace French programmes and how to fund them.",
            today.AddDays(31), "Hôtel de ville de Matane, salle du conseil", null, 30);

        var employers = new (string Organisation, string Contact, int Seats, string Sector)[]
        {
            ("Boulangerie L'Épi d'or", "Mélanie Côté", 2, "Alimentation"),
            ("Transport Bérubé & fils", "François Bérubé", 3, "Transport"),
            ("Scierie du Bas-Saint-Laurent", "Josée D'Amours", 4, "Foresterie"),
            ("Résidence Les Érables", "Nadia Ouellet", 2, "Santé"),
            ("Pêcheries Gaspésiennes", "Éric St-Pierre", 2, "Pêche"),
            ("Garage Lévesque", "Hélène Lévesque", 1, "Automobile"),
        };
        for (var i = 0; i < employers.Length; i++)
        {
            var e = employers[i];
            await full.RegisterAsync(new RegistrationRequest(RegistrationIds.NewCode(), SecretTokens.Hash(SecretTokens.NewToken()),
                e.Organisation, e.Contact, $"demo{i + 1}@exemple.qc.ca", null, e.Seats, e.Sector, true));
        }
        await first.RegisterAsync(new RegistrationRequest(RegistrationIds.NewCode(), SecretTokens.Hash(SecretTokens.NewToken()),
            "Fromagerie du Littoral", "Annie-Claude Gagné", "fromagerie@exemple.qc.ca", "418 555-0142", 2, "Alimentation", true));
    }

    private async Task<IWorkshopSessionGrain> CreateAsync(string titleFr, string titleEn, string descriptionFr, string descriptionEn,
        DateTimeOffset day, string? place, string? link, int capacity)
    {
        var id = Guid.NewGuid();
        var starts = new DateTimeOffset(day.Year, day.Month, day.Day, 13, 30, 0, TimeSpan.FromHours(-5));
        await grains.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).AddAsync(id);
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        await session.CreateAsync(new WorkshopDetails(titleFr, titleEn, descriptionFr, descriptionEn, starts, starts.AddHours(3),
            place, link, clock.GetUtcNow().AddDays(-1), starts), capacity);
        return session;
    }
}
