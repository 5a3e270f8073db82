using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Partners;

public sealed class PartnerDirectoryTests(PartnerDirectoryFixture fixture) : IClassFixture<PartnerDirectoryFixture>
{
    private HttpClient Public => fixture.Anonymous;

    [Fact]
    public async Task Search_IgnoresAccents_HeleneFindsHelene()
    {
        var found = await SearchNamesAsync(Public, "q=helene");

        Assert.Equal(["Maison Hélène-Boivin"], found);
    }

    [Fact]
    public async Task Search_MatawinieFrancisation_FindsThePublicOrganisationsTaggedWithBoth()
    {
        var found = await SearchNamesAsync(Public, "q=matawinie%20francisation");

        // The emploi-only one of Matawinie and the francisation ones elsewhere are out; the hidden one too.
        Assert.Equal(["Carrefour d'intégration de la Matawinie"], found);
    }

    [Fact]
    public async Task Search_FrancisationJoliette_FindsTheJolietteOneWhateverTheWordOrder()
    {
        Assert.Equal(["Centre de francisation de Joliette"], await SearchNamesAsync(Public, "q=francisation%20joliette"));
        Assert.Equal(["Centre de francisation de Joliette"], await SearchNamesAsync(Public, "q=JOLIETTE%20Francisation"));
        Assert.Equal(["Accueil Montcalm", "Carrefour d'intégration de la Matawinie", "Centre de francisation de Joliette"],
            await SearchNamesAsync(Public, "q=francis")); // a word's start is enough
    }

    [Fact]
    public async Task Filters_ByMrcServiceAndLanguage_Combine()
    {
        Assert.Equal(["Centre de francisation de Joliette", "Maison Hélène-Boivin"], await SearchNamesAsync(Public, "mrc=joliette"));
        Assert.Equal(["Accueil Montcalm", "Carrefour d'intégration de la Matawinie"], await SearchNamesAsync(Public, "service=accueil&service=francisation"));
        Assert.Equal(["Centre de francisation de Joliette"], await SearchNamesAsync(Public, "language=es"));
        Assert.Equal(["Carrefour d'intégration de la Matawinie"], await SearchNamesAsync(Public, "mrc=matawinie&service=francisation"));
        var counts = (await Public.GetAsync("/api/partners").OkJsonAsync()).GetProperty("byMrc");
        Assert.Equal(2, counts.GetProperty("joliette").GetInt32());
        Assert.Equal(2, counts.GetProperty("matawinie").GetInt32()); // the hidden one is not counted
    }

    [Fact]
    public async Task NonPublicOrganisation_NeverReachesThePublic_ButOrganisersSeeIt()
    {
        foreach (var query in new[] { "", "q=confidentiel", "q=helene%20secret", "mrc=matawinie", "service=francisation", "take=200" })
            Assert.DoesNotContain(PartnerDirectoryFixture.HiddenName, await SearchNamesAsync(Public, query));
        var direct = await Public.GetAsync($"/api/partners/{fixture.HiddenSlug}");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.DoesNotContain("confidentiel", await direct.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await Public.GetAsync("/api/partners?all=true")).StatusCode);

        Assert.Contains(PartnerDirectoryFixture.HiddenName, await SearchNamesAsync(fixture.Organiser, "all=true&q=confidentiel"));
        var record = await fixture.Organiser.GetAsync($"/api/partners/{fixture.HiddenSlug}").OkJsonAsync();
        Assert.False(record.GetProperty("isPublic").GetBoolean());
    }

    [Fact]
    public async Task PublicFields_Only_NoOtherNamesNoVisibilityNoVersion()
    {
        var item = (await Public.GetAsync("/api/partners?q=montcalm").OkJsonAsync()).GetProperty("items")[0];
        var fields = item.EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Contains("name", fields);
        Assert.Contains("services", fields);
        foreach (var hidden in new[] { "aliases", "isPublic", "version", "updatedAt" }) Assert.DoesNotContain(hidden, fields);
        Assert.Equal("montcalm", item.GetProperty("mrc").GetString());
    }

    [Fact]
    public async Task Writes_AreRefused_ToAnonymousAndMembers_AndBadInputIsExplainedInBothLanguages()
    {
        var body = new { name = "Intrus", mrc = "joliette", sector = "autre", services = Array.Empty<string>() };
        Assert.Equal(HttpStatusCode.Unauthorized, (await Public.PostAsJsonAsync("/api/partners", body)).StatusCode);
        var tableId = await CreateTableAsync(fixture.Organiser);
        var (_, token) = await AddMemberAsync(fixture.Organiser, tableId, "Membre curieux");
        var member = await MemberClientAsync(fixture.App, token);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/partners", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/partners?all=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/partners/member-matching?mode=apply", null)).StatusCode);

        var bad = await fixture.Organiser.PostAsJsonAsync("/api/partners", new { name = "", mrc = "laval", sector = "x", services = new[] { "magie" }, website = "ftp://x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        foreach (var field in new[] { "name", "mrc", "sector", "services", "website" })
        {
            var error = problem.GetProperty("errors").GetProperty(field);
            Assert.False(string.IsNullOrEmpty(error.GetProperty("fr").GetString()));
            Assert.False(string.IsNullOrEmpty(error.GetProperty("en").GetString()));
        }
    }

    [Fact]
    public async Task Update_WithAnOldVersion_IsStale_AndNothingIsOverwritten()
    {
        var created = await CreatePartnerAsync(fixture.Organiser, "Table de concertation Les Moulins", "les-moulins", ["accueil"]);
        var id = created.GetProperty("id").GetGuid();
        var edit = new { name = "Table de concertation des Moulins", mrc = "les-moulins", sector = "communautaire", services = new[] { "accueil" }, isPublic = true, expectedVersion = 1 };
        (await fixture.Organiser.PutAsJsonAsync($"/api/partners/{id}", edit)).EnsureSuccessStatusCode();

        var stale = await fixture.Organiser.PutAsJsonAsync($"/api/partners/{id}", edit with { name = "Écrasé" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Table de concertation des Moulins", (await stale.ReadJsonAsync()).GetProperty("current").GetProperty("fields").GetProperty("name").GetString());
        Assert.Equal(["Table de concertation des Moulins"], await SearchNamesAsync(Public, "q=moulins%20concertation"));
    }
}
