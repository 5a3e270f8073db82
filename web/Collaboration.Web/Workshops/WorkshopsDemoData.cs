using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Workshops;

/// <summary>
/// Three upcoming afternoon sessions on working days (Joliette, online, Repentigny); the second
/// nearly full with a waitlist. Lanaudière employers registered.
/// </summary>
public sealed class WorkshopsDemoData(IGrainFactory grains, TimeProvider clock) : IDemoData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = QuebecTime.Today(clock);
        var first = await CreateAsync("Accueillir une personne immigrante dans son équipe", "Welcoming an immigrant worker to your team",
            "Les premières semaines : accueil, parrainage, communication interculturelle.",
            "The first weeks: onboarding, mentoring, intercultural communication.",
            today.AddDays(10), "Lanaudière Économique, salle 201, Joliette", null, 25);
        var full = await CreateAsync("Recruter à l'international : les étapes", "Recruiting internationally: the steps",
            "Permis de travail, EIMT, délais et accompagnement offert par Lanaudière Économique.",
            "Work permits, LMIA, timelines and the support Lanaudière Économique offers.",
            today.AddDays(17), null, "https://rencontre.example.org/recruter", 12);
        await CreateAsync("Francisation en milieu de travail", "French at work",
            "Les programmes de francisation offerts en entreprise et comment les financer.",
            "Workplace French programmes and how to fund them.",
            today.AddDays(31), "Hôtel de ville de Repentigny, salle du conseil", null, 30);

        var employers = new (string Organisation, string Contact, int Seats, string Sector)[]
        {
            ("Boulangerie Le Pétrin de Joliette", "Mélanie Coutu", 2, "Alimentation"),
            ("Transport Rivest & fils (Saint-Lin–Laurentides)", "François Rivest", 3, "Transport"),
            ("Érablière du Rang Double (Saint-Jacques)", "Josée Ducharme", 4, "Agroalimentaire"),
            ("Résidence Le Manoir des Moulins (Terrebonne)", "Nadia Ouimet", 2, "Santé"),
            ("Usinage Berthier inc. (Berthierville)", "Éric Sylvestre", 2, "Fabrication"),
            ("Garage Lachapelle (Rawdon)", "Hélène Lachapelle", 1, "Automobile"),
        };
        for (var i = 0; i < employers.Length; i++)
        {
            var e = employers[i];
            await full.RegisterAsync(new RegistrationRequest(RegistrationIds.NewCode(), SecretTokens.Hash(SecretTokens.NewToken()),
                e.Organisation, e.Contact, $"demo{i + 1}@exemple.qc.ca", null, e.Seats, e.Sector, true));
        }
        await first.RegisterAsync(new RegistrationRequest(RegistrationIds.NewCode(), SecretTokens.Hash(SecretTokens.NewToken()),
            "Fromagerie du Champ-Doré (L'Assomption)", "Annie-Claude Gervais", "fromagerie@exemple.qc.ca", "450 555-0142", 2, "Alimentation", true));
    }

    /// <summary>A session from 13 h 30 to 16 h 30, Québec time, on the first working day from <paramref name="day"/>.</summary>
    private async Task<IWorkshopSessionGrain> CreateAsync(string titleFr, string titleEn, string descriptionFr, string descriptionEn,
        DateOnly day, string? place, string? link, int capacity)
    {
        var id = Guid.NewGuid();
        var starts = DemoCalendar.At(DemoCalendar.WorkingDayFrom(day), 13, 30);
        await grains.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).AddAsync(id);
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        await session.CreateAsync(new WorkshopDetails(titleFr, titleEn, descriptionFr, descriptionEn, starts, starts.AddHours(3),
            place, link, clock.GetUtcNow().AddDays(-1), starts), capacity);
        return session;
    }
}
