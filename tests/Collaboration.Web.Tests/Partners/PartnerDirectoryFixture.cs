using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Partners;

/// <summary>One app with a small directory across MRCs, services and languages, one organisation not public.</summary>
public sealed class PartnerDirectoryFixture : IAsyncLifetime
{
    public const string HiddenName = "Organisme confidentiel de Matawinie";

    public ConcertationFactory App { get; } = new();

    public HttpClient Organiser { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public string HiddenSlug { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Organiser = await App.CreateOrganiserClientAsync();
        Anonymous = App.CreateClient();
        await CreatePartnerAsync(Organiser, "Maison Hélène-Boivin", "joliette", ["accueil", "logement"], contactName: "Hélène Tremblay");
        await CreatePartnerAsync(Organiser, "Centre de francisation de Joliette", "joliette", ["francisation"], languages: ["fr", "es"]);
        await CreatePartnerAsync(Organiser, "Carrefour d'intégration de la Matawinie", "matawinie", ["accueil", "francisation"], languages: ["fr", "ar"]);
        await CreatePartnerAsync(Organiser, "Service d'emploi de Saint-Michel-des-Saints", "matawinie", ["emploi"]);
        await CreatePartnerAsync(Organiser, "Accueil Montcalm", "montcalm", ["accueil", "francisation", "emploi"], languages: ["fr", "en"]);
        HiddenSlug = (await CreatePartnerAsync(Organiser, HiddenName, "matawinie", ["francisation"], isPublic: false, contactName: "Hélène Secret"))
            .GetProperty("slug").GetString()!;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
