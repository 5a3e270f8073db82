using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// A member's own calendar feed on the Table's page: one address for all their Tables, to subscribe to, copy or change
/// (the old address then answers 404); the organiser's view of the Table shows nobody's. axe finds no serious issue,
/// on a phone and a laptop, in French and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemberFeedBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task Member_SeesTheirOneFeed_CopiesAndChangesIt_AndTheOrganiserSeesNothingSecret(string viewport)
    {
        // Arrange: one person at two Tables.
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var email = $"amina-{Guid.NewGuid():N}@exemple.qc.ca";
        var tableA = (await PostAsync(api, "/api/tables", new { name = "Table des partenaires", quorum = 1 })).GetProperty("id").GetGuid();
        var tableB = (await PostAsync(api, "/api/tables", new { name = "Comité employeurs", quorum = 1 })).GetProperty("id").GetGuid();
        var amina = await PostAsync(api, $"/api/tables/{tableA}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email });
        await PostAsync(api, $"/api/tables/{tableB}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email });
        await using var memberSession = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new()
        {
            BypassCSP = true, Permissions = ["clipboard-read", "clipboard-write"],
        }));
        var member = memberSession.Page;
        var link = new Uri(amina.GetProperty("signInLink").GetString()!);

        // Act: the member signs in and opens the Table's page.
        await member.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(member).ToHaveURLAsync(new Regex("/meetings\\.html"));
        await member.GotoAsync($"/meetings.html?table={tableA}");

        // Assert: their feed, for both Tables, as a webcal:// address to subscribe to.
        var feed = member.GetByTestId("my-feed");
        var address = member.GetByLabel("Adresse d’abonnement (personnelle : ne la partagez pas)");
        await Expect(feed).ToBeVisibleAsync();
        await Expect(address).ToHaveValueAsync(new Regex("^webcal://[^/]+/calendar/[0-9a-f]{32}[A-Za-z0-9_-]{20,}\\.ics$"));
        await Expect(member.GetByTestId("my-feed-tables")).ToHaveTextAsync("Tables incluses : Comité employeurs, Table des partenaires");
        var first = await address.InputValueAsync();
        await Expect(member.GetByRole(AriaRole.Link, new() { Name = "S’abonner dans mon agenda" })).ToHaveAttributeAsync("href", first);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateApiClient().GetAsync(PathOf(first))).StatusCode);
        Assert.Empty(await Axe.SeriousViolationsAsync(member));
        await Viewports.AssertFitsAsync(member, viewport);

        // Act: copy, then change the address (confirmed).
        await member.GetByRole(AriaRole.Button, new() { Name = "Copier l’adresse" }).ClickAsync();
        await Expect(member.GetByTestId("my-feed-status")).ToHaveTextAsync("Adresse copiée.");
        Assert.Equal(first, await member.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        member.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Changer l’adresse" }).ClickAsync();

        // Assert: a new address; the old one answers 404, the new one the calendar.
        await Expect(member.GetByTestId("my-feed-status")).ToHaveTextAsync("Nouvelle adresse créée ; l’ancienne ne fonctionne plus.");
        await Expect(address).Not.ToHaveValueAsync(first);
        var second = await address.InputValueAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.CreateApiClient().GetAsync(PathOf(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateApiClient().GetAsync(PathOf(second))).StatusCode);

        // In English too.
        await memberSession.SwitchLanguageAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "My calendar" })).ToBeVisibleAsync();
        await Expect(member.GetByTestId("my-feed-status")).ToHaveTextAsync("New address created; the old one no longer works.");
        Assert.Empty(await Axe.SeriousViolationsAsync(member));

        // The organiser's page of the same Table: the members, nobody's feed.
        await using var organiserSession = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { BypassCSP = true }));
        var organiser = organiserSession.Page;
        await organiser.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword } });
        await organiser.GotoAsync($"/meetings.html?table={tableA}");
        await Expect(organiser.GetByTestId("member")).ToContainTextAsync("Amina Diallo");
        await Expect(organiser.GetByTestId("my-feed")).ToBeHiddenAsync();
        Assert.DoesNotContain("/calendar/", await organiser.ContentAsync());
        Assert.Empty(await Axe.SeriousViolationsAsync(organiser));
    }

    private static string PathOf(string webcal) => new Uri("http" + webcal["webcal".Length..]).PathAndQuery;

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
