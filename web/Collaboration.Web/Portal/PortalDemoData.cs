using Collaboration.Grains.Partners;
using Collaboration.Grains.Portal;
using Collaboration.Grains.Tables;
using Collaboration.Web.Demo;
using Collaboration.Web.Partners;

namespace Collaboration.Web.Portal;

/// <summary>
/// Partner organisations of Lanaudière across the six MRCs (invented, with addresses in the real
/// towns), one not yet public, the about page and two news items; then the one-time matching links
/// the demo table's members to them where their typed organisation names match.
/// </summary>
public sealed class PortalDemoData(IGrainFactory grains, PartnersService partners, MemberMatching matching, TimeProvider clock,
    ILogger<PortalDemoData> logger) : IDemoData
{
    private static readonly (string Name, Mrc Mrc, Sector Sector, ServiceTag[] Services, string Address, string Contact, string[] Languages, string Fr, string En, string[] Aliases, bool Public)[] Organisations =
    [
        ("Lanaudière Économique", Mrc.Joliette, Sector.Economique, [ServiceTag.AccompagnementDesEmployeurs, ServiceTag.Emploi],
            "550, rue Saint-Charles-Borromée Nord, Joliette", "Hélène Brassard", ["fr", "en"],
            "Organisme pivot de la démarche régionale : service central de coordination, soutien aux MRC et aux employeurs qui recrutent à l'international.",
            "Lead organisation of the regional initiative: central coordination service, support to the MRCs and to employers recruiting abroad.", ["LE", "Lanaudiere Economique"], true),
        ("Carrefour d'accueil des nouveaux arrivants de Joliette", Mrc.Joliette, Sector.Communautaire, [ServiceTag.Accueil, ServiceTag.Francisation, ServiceTag.Logement],
            "200, rue de Lanaudière, Joliette", "Amina Diallo", ["fr", "en", "es", "ar"],
            "Premier accueil, aide à l'installation et à la recherche de logement, jumelage interculturel.",
            "First welcome, help settling in and finding housing, intercultural pairing.", ["CANA Joliette"], true),
        ("Centre de francisation des adultes des Samares", Mrc.Joliette, Sector.Institutionnel, [ServiceTag.Francisation, ServiceTag.Education],
            "450, rue Lajoie Sud, Joliette", "Marc-André Pelletier", ["fr"],
            "Cours de français à temps plein et à temps partiel, de jour comme de soir.", "Full-time and part-time French classes, day and evening.", [], true),
        ("Cégep régional de Lanaudière — reconnaissance des acquis", Mrc.Joliette, Sector.Institutionnel, [ServiceTag.ReconnaissanceDesAcquis, ServiceTag.Education],
            "20, rue Saint-Charles-Borromée Sud, Joliette", "", ["fr", "en"],
            "Reconnaissance des acquis et des compétences, formations d'appoint.", "Recognition of prior learning and skills, bridging courses.", [], true),
        ("Services d'accueil de la Matawinie", Mrc.Matawinie, Sector.Communautaire, [ServiceTag.Accueil, ServiceTag.Francisation, ServiceTag.Transport],
            "3583, rue Queen, Rawdon", "Lucía Hernández", ["fr", "es", "en"],
            "Accueil et accompagnement des familles nouvellement arrivées de Rawdon à Saint-Michel-des-Saints.",
            "Welcome and support for newly arrived families from Rawdon to Saint-Michel-des-Saints.", [], true),
        ("Développement économique Matawinie", Mrc.Matawinie, Sector.Economique, [ServiceTag.AccompagnementDesEmployeurs],
            "3184, 1re Avenue, Rawdon", "Simon Gagnon", ["fr"],
            "Accompagnement des entreprises forestières et touristiques dans leurs recrutements.", "Support for forestry and tourism businesses in their hiring.", [], true),
        ("Coopérative d'habitation des Hautes-Terres", Mrc.Matawinie, Sector.Communautaire, [ServiceTag.Logement],
            "140, rue Brassard, Saint-Michel-des-Saints", "", ["fr"],
            "Logements abordables pour les travailleuses et travailleurs et leurs familles.", "Affordable housing for workers and their families.", [], true),
        ("Accueil et intégration Montcalm", Mrc.Montcalm, Sector.Communautaire, [ServiceTag.Accueil, ServiceTag.Emploi, ServiceTag.Famille],
            "1080, rue Saint-Isidore, Saint-Lin–Laurentides", "Julie Bérubé", ["fr", "en", "pt"],
            "Accueil, aide à l'emploi et activités pour les familles.", "Welcome, employment help and family activities.", [], true),
        ("MRC de Montcalm — développement du territoire", Mrc.Montcalm, Sector.Municipal, [ServiceTag.AccompagnementDesEmployeurs, ServiceTag.VieCommunautaire],
            "1540, rue Albert, Sainte-Julienne", "", ["fr"],
            "Attraction de la main-d'œuvre et vie communautaire dans les municipalités de Montcalm.", "Workforce attraction and community life in Montcalm's municipalities.", ["MRC de Montcalm"], true),
        ("Carrefour jeunesse-emploi D'Autray-Joliette", Mrc.DAutray, Sector.Communautaire, [ServiceTag.Emploi, ServiceTag.ReconnaissanceDesAcquis],
            "588, rue Montcalm, Berthierville", "Paul Ouellet", ["fr", "en"],
            "Recherche d'emploi, orientation et stages pour les 16 à 35 ans.", "Job search, guidance and internships for ages 16 to 35.", ["CJE D'Autray-Joliette"], true),
        ("Table de concertation en immigration de D'Autray", Mrc.DAutray, Sector.Communautaire, [ServiceTag.VieCommunautaire, ServiceTag.Accueil],
            "550, rue Montcalm, Berthierville", "", ["fr"],
            "Concertation des partenaires de D'Autray autour de l'accueil des personnes immigrantes.", "The partners of D'Autray working together on welcoming immigrants.", [], true),
        ("Centre d'aide aux nouveaux arrivants de Repentigny", Mrc.LAssomption, Sector.Communautaire, [ServiceTag.Accueil, ServiceTag.Francisation, ServiceTag.Juridique],
            "435, boulevard Iberville, Repentigny", "Nadia Benali", ["fr", "ar", "en"],
            "Séances d'information, aide aux démarches d'immigration, ateliers de conversation.", "Information sessions, help with immigration procedures, conversation workshops.", [], true),
        ("Ville de Repentigny — vie communautaire", Mrc.LAssomption, Sector.Municipal, [ServiceTag.VieCommunautaire, ServiceTag.Famille],
            "435, boulevard Iberville, Repentigny", "", ["fr"],
            "Activités d'accueil municipales et soutien aux organismes.", "Municipal welcome activities and support for organisations.", [], true),
        ("Accueil multiethnique de Terrebonne", Mrc.LesMoulins, Sector.Communautaire, [ServiceTag.Accueil, ServiceTag.Francisation, ServiceTag.Famille],
            "3550, boulevard des Entreprises, Terrebonne", "Hélène Dufresne", ["fr", "es", "ht", "ar"],
            "Accueil, francisation, halte-garderie et activités interculturelles.", "Welcome, French classes, drop-in daycare and intercultural activities.", [], true),
        ("Emploi Les Moulins", Mrc.LesMoulins, Sector.Communautaire, [ServiceTag.Emploi, ServiceTag.AccompagnementDesEmployeurs, ServiceTag.ReconnaissanceDesAcquis],
            "1090, chemin du Côteau, Terrebonne", "Karim Haddad", ["fr", "en"],
            "Service d'aide à l'emploi et de placement, maillage avec les employeurs.", "Employment help and placement, matching with employers.", [], true),
        ("Clinique de santé des nouveaux arrivants de Lanaudière", Mrc.LesMoulins, Sector.Institutionnel, [ServiceTag.Sante],
            "1317, boulevard des Seigneurs, Terrebonne", "", ["fr", "en", "es"],
            "Première évaluation de santé et orientation dans le réseau.", "First health assessment and guidance in the health network.", [], true),
        ("Chambre de commerce du Grand Montréal — volet régions", Mrc.OutsideRegion, Sector.Economique, [ServiceTag.AccompagnementDesEmployeurs],
            "Montréal", "", ["fr", "en"],
            "Missions de recrutement à l'international avec les employeurs des régions.", "International recruitment missions with employers from the regions.", [], true),
        ("Comité logement de Saint-Jacques (en démarrage)", Mrc.Montcalm, Sector.Communautaire, [ServiceTag.Logement],
            "Saint-Jacques", "", ["fr"], "Comité en démarrage, pas encore public.", "Committee being set up, not public yet.", [], false),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var o in Organisations)
        {
            var slug = PartnersService.Slug(o.Name);
            await partners.CreateAsync(new PartnerProfile(o.Name, o.Mrc, o.Sector, o.Services, o.Address, $"https://www.example.org/{slug}",
                o.Contact, o.Contact.Length > 0 ? "info@example.org" : "", o.Contact.Length > 0 ? "450 555-0100" : "", o.Languages, o.Fr, o.En, o.Aliases, o.Public));
        }
        var content = grains.GetGrain<IPortalContentGrain>("default");
        await content.SetAboutAsync(new PortalText("La démarche régionale", "The regional initiative", AboutFr, AboutEn), 0);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await content.SaveNewsAsync(Guid.NewGuid(), "colloque-regional-inscriptions", new PortalText(
            "Colloque régional : les inscriptions approchent", "Regional colloque: registration is coming",
            "Le colloque régional réunira employeurs, élus et organismes à **Joliette**. Les inscriptions ouvriront bientôt sur ce portail.",
            "The regional colloque will bring employers, elected officials and organisations together in **Joliette**. Registration opens soon on this portal."),
            today.AddDays(-3), 0);
        await content.SaveNewsAsync(Guid.NewGuid(), "nouveaux-ateliers-employeurs", new PortalText(
            "Nouveaux ateliers pour les employeurs", "New workshops for employers",
            "Trois ateliers de sensibilisation à la gestion de la diversité sont offerts cet automne, à Terrebonne, Repentigny et en ligne.",
            "Three awareness workshops on managing diversity are offered this fall, in Terrebonne, Repentigny and online."),
            today.AddDays(-12), 0);
        var report = await matching.RunAsync(apply: true);
        logger.LogInformation("Demo partners seeded; {Linked} table members linked to their organisation, {Unmatched} left to link by hand",
            report.Linked, report.Unmatched.Count);
    }

    private const string AboutFr = """
        La **démarche régionale en immigration de Lanaudière** réunit les six MRC de la région — D'Autray, Joliette,
        L'Assomption, Matawinie, Montcalm et Les Moulins — et leurs partenaires communautaires, institutionnels,
        économiques et municipaux.

        Elle est financée par le programme Mobilisation-Diversité du ministère de l'Immigration, de la Francisation
        et de l'Intégration (MIFI). Son organisme pivot, Lanaudière Économique, offre un **service central de
        coordination** qui soutient les MRC et les organismes pour attirer et établir durablement des personnes
        immigrantes.

        - Trouver un organisme : consultez le [répertoire des partenaires](/repertoire).
        - Employeurs : inscrivez-vous aux [ateliers](/workshops/).
        """;

    private const string AboutEn = """
        The **regional immigration initiative of Lanaudière** brings together the region's six MRCs — D'Autray,
        Joliette, L'Assomption, Matawinie, Montcalm and Les Moulins — and their community, institutional, economic
        and municipal partners.

        It is funded by the Mobilisation-Diversité programme of Québec's ministry of immigration (MIFI). Its lead
        organisation, Lanaudière Économique, runs a **central coordination service** that supports the MRCs and
        organisations in attracting immigrants and helping them settle for good.

        - Find an organisation: see the [partner directory](/repertoire).
        - Employers: register for the [workshops](/workshops/).
        """;
}
