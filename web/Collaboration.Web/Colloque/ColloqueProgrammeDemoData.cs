using Collaboration.Grains.Platform;
using Collaboration.Web.Mail;
using Collaboration.Web.Accounts;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Demo;

namespace Collaboration.Web.Colloque;

/// <summary>
/// A colloque open for self-registration, set in Lanaudière: registration open for the coming
/// weeks with quotas per category, a programme of plenaries and a panel in the big room, and two
/// slots of parallel ateliers (small capacities, so the waitlists show), and a dozen attendees
/// already registered through the public form.
/// </summary>
public sealed class ColloqueProgrammeDemoData(IGrainFactory grains, TimeProvider clock, MailLinks mailLinks) : IDemoData
{
    public static readonly Guid ColloqueId = Guid.Parse("c0110c0e-2027-4000-8000-000000000002");

    private static readonly (string Fr, string En, SessionKind Kind, string Room, int Start, int Minutes, int? Capacity, string Speaker, string Organisation)[] Programme =
    [
        ("Mot d'ouverture", "Opening remarks", SessionKind.Plenary, "Grande salle", 9 * 60, 30, null, "Josée Drapeau", "Lanaudière Économique"),
        ("Portrait de l'immigration dans Lanaudière", "Immigration in Lanaudière: the picture", SessionKind.Plenary, "Grande salle", 9 * 60 + 30, 45, null, "Karim Bouchard", "Services Québec"),
        ("Recruter à l'international : par où commencer ?", "Recruiting abroad: where to start", SessionKind.Atelier, "Salle Matawinie", 10 * 60 + 30, 75, 25, "Hélène Gagnon", "Desjardins Entreprises Lanaudière"),
        ("Francisation en entreprise", "French in the workplace", SessionKind.Atelier, "Salle Montcalm", 10 * 60 + 30, 75, 20, "Amina Diallo", "Centre de services scolaire des Samares"),
        ("Logement et accueil en région", "Housing and welcome in the region", SessionKind.Atelier, "Salle D'Autray", 10 * 60 + 30, 75, 30, "Luc Fortin", "MRC de Joliette"),
        ("Panel des élu·es : attirer et retenir", "Elected officials' panel: attract and retain", SessionKind.Panel, "Grande salle", 13 * 60 + 15, 60, null, "Geneviève Ouellet", "Ville de Terrebonne"),
        ("Intégration en emploi : témoignages", "Settling into work: testimonies", SessionKind.Atelier, "Salle Matawinie", 14 * 60 + 30, 60, 25, "Nadia Pelletier", "Carrefour jeunesse-emploi D'Autray-Joliette"),
        ("Réseaux et mentorat d'affaires", "Business networks and mentoring", SessionKind.Atelier, "Salle Montcalm", 14 * 60 + 30, 60, 15, "Marc Tremblay", "Chambre de commerce du Grand Joliette"),
        ("Synthèse et clôture", "Summary and closing", SessionKind.Plenary, "Grande salle", 15 * 60 + 45, 30, null, "Josée Drapeau", "Lanaudière Économique"),
    ];

    private static readonly (string Name, string Organisation, AttendeeCategory Category, Mrc Mrc)[] Attendees =
    [
        ("Sophie Lavoie", "Fromagerie du Village", AttendeeCategory.Employer, Mrc.Joliette),
        ("Olivier Bergeron", "Usinage Repentigny", AttendeeCategory.Employer, Mrc.LAssomption),
        ("Chloé Morin", "Ville de Repentigny", AttendeeCategory.ElectedOfficial, Mrc.LAssomption),
        ("Pierre-Luc Gagné", "MRC de Montcalm", AttendeeCategory.Mrc, Mrc.Montcalm),
        ("Yasmine Nguyen", "Accueil multiethnique de Lanaudière", AttendeeCategory.CommunityOrganisation, Mrc.Joliette),
        ("Mathieu Roy", "Cégep régional de Lanaudière", AttendeeCategory.Institution, Mrc.Joliette),
        ("Isabelle Côté", "Serres de Matawinie", AttendeeCategory.Employer, Mrc.Matawinie),
        ("Samuel Lévesque", "Ville de Terrebonne", AttendeeCategory.ElectedOfficial, Mrc.LesMoulins),
        ("Fatou Diallo", "Carrefour jeunesse-emploi D'Autray-Joliette", AttendeeCategory.CommunityOrganisation, Mrc.DAutray),
        ("Éric Saint-Pierre", "Transport Berthier", AttendeeCategory.Employer, Mrc.DAutray),
        ("Mélanie Leblanc", "CISSS de Lanaudière", AttendeeCategory.Institution, Mrc.Joliette),
        ("Jean-François Fortin", "Consulat général", AttendeeCategory.Other, Mrc.OutsideRegion),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var colloque = grains.GetGrain<IColloqueGrain>(ColloqueId);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(45));
        var details = new ColloqueDetails("Colloque régional en immigration de Lanaudière", day, "Cégep régional de Lanaudière à Joliette");
        if (!await colloque.CreateAsync(details)) return;
        await grains.GetGrain<IColloqueIndexGrain>("all").AddAsync(new ColloqueSummary(ColloqueId, details.Title, details.Date, details.Venue));
        await colloque.AddDeskAsync("desk-hall", "Accueil — hall d'entrée");

        var signups = grains.GetGrain<IColloqueSignupsGrain>(ColloqueId);
        await signups.SetSettingsAsync(new RegistrationSettings(clock.GetUtcNow().AddDays(-2), QuebecTime.StartOf(day).AddDays(-3), 250,
            new Dictionary<AttendeeCategory, int>
            {
                [AttendeeCategory.Employer] = 100, [AttendeeCategory.ElectedOfficial] = 30, [AttendeeCategory.CommunityOrganisation] = 50,
                [AttendeeCategory.Institution] = 40, [AttendeeCategory.Mrc] = 12, [AttendeeCategory.Other] = 18,
            }, "20, rue Saint-Charles-Borromée Sud, Joliette (Québec)"));
        var start = QuebecTime.StartOf(day);
        var ids = new List<Guid>();
        foreach (var s in Programme)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            await signups.SaveSessionAsync(new ProgrammeSession(id, s.Fr, s.En, "", "", s.Kind, s.Room, start.AddMinutes(s.Start), start.AddMinutes(s.Start + s.Minutes),
                s.Capacity, [new Speaker(s.Speaker, s.Organisation)]));
        }

        for (var i = 0; i < Attendees.Length; i++)
        {
            var (name, organisation, category, mrc) = Attendees[i];
            var email = $"{NameFolding.Fold(name).Replace(" ", ".")}@exemple.qc.ca";
            // Morning atelier by turns, afternoon one for every other attendee.
            List<Guid> choices = [ids[2 + i % 3]];
            if (i % 2 == 0) choices.Add(ids[6 + i / 2 % 2]);
            var attendee = new AttendeeDetails(name, organisation, category, email, mrc);
            var token = SecretTokens.NewToken();
            await RegistrationCodes.UnderNewCodeAsync(code => grains.GetGrain<IRegistrationGrain>(code).RegisterSelfAsync(ColloqueId,
                new SelfRegistration(attendee, i == 4 ? new AttendeeNeeds("Accès en fauteuil roulant", "") : null, SecretTokens.Hash(token), i % 3 == 0 ? "en" : "fr",
                    clock.GetUtcNow(), mailLinks.SealManageToken(token), RegistrationCodes.MatchKey(attendee), choices)),
                o => o.Result == SignupResult.CodeTaken);
        }
    }
}
