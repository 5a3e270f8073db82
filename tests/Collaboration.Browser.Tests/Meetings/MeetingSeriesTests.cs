using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// A table's series on the Table's page: the organiser sets "every third Wednesday at 13 h 30" with standing items and
/// creates the next meeting from it; a member on a phone sees the series and its next date, in French then English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingSeriesTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Organiser_SetsASeries_AndCreatesTheNextMeetingFromItsTemplate_AndAMemberOnAPhoneSeesIt()
    {
        // Arrange: a table with one member
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table des séries", quorum = 1 })).GetProperty("id").GetGuid();
        var amina = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email = "amina.serie@exemple.qc.ca" });

        await using var organiserSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Desktop, new() { BypassCSP = true }));
        await using var memberSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone, new() { BypassCSP = true }));
        var (organiser, member) = (organiserSession.Page, memberSession.Page);
        await organiser.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword } });
        await organiser.GotoAsync($"/meetings.html?table={tableId}");
        await Expect(organiser.GetByTestId("series-summary")).ToHaveTextAsync("Aucune série : les rencontres se planifient une à une.");

        // Act: the organiser sets the series
        await organiser.GetByText("Modifier la série et l’ordre du jour type").ClickAsync();
        await organiser.GetByLabel("Nom des rencontres de la série").FillAsync("Rencontre régulière");
        await organiser.GetByLabel("Endroit habituel").FillAsync("Joliette");
        await organiser.GetByLabel("Semaine du mois").SelectOptionAsync("3");
        await organiser.GetByLabel("Jour", new() { Exact = true }).SelectOptionAsync("wednesday");
        await organiser.GetByLabel("Heure (heure du Québec)").FillAsync("13:30");
        await organiser.GetByLabel("Points permanents").FillAsync("Nouvelles des MRC | 20\nComité accueil");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la série" }).ClickAsync();

        // Assert: the rule in words, the next date
        await Expect(organiser.GetByTestId("series-status")).ToHaveTextAsync("Série enregistrée.");
        await Expect(organiser.GetByTestId("series-summary")).ToHaveTextAsync("Le 3e mercredi de chaque mois à 13 h 30 (heure du Québec) · Joliette");
        await Expect(organiser.GetByTestId("series-next")).ToContainTextAsync("13 h 30");

        // Act: the next meeting
        await organiser.GetByTestId("series-create-next").ClickAsync();

        // Assert: listed on the table; its room shows the template with the standing items
        await Expect(organiser.GetByTestId("series-status")).ToContainTextAsync("créée, avec l’ordre du jour type");
        await Expect(organiser.GetByTestId("meeting-card")).ToHaveCountAsync(1);
        await Expect(organiser.GetByTestId("meeting-card")).ToContainTextAsync("Rencontre régulière");
        await Expect(organiser.GetByTestId("meetings-error")).ToBeEmptyAsync();
        await organiser.GetByTestId("meeting-card").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(organiser.GetByTestId("meeting-title")).ToHaveTextAsync("Rencontre régulière");
        foreach (var title in new[] { "Ouverture de la rencontre", "Adoption de l'ordre du jour", "Nouvelles des MRC", "Comité accueil", "Varia", "Levée de la rencontre" })
            await Expect(organiser.GetByText(title, new() { Exact = true }).First).ToBeVisibleAsync();

        // Act: the member opens the Table's page on a phone
        var link = new Uri(amina.GetProperty("signInLink").GetString()!);
        await member.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(member).ToHaveURLAsync(new Regex("/meetings\\.html"));
        await member.GotoAsync($"/meetings.html?table={tableId}");

        // Assert: the series, its next date (the month after the one created), its calendar file; no organiser's controls
        await Expect(member.GetByTestId("series-summary")).ToHaveTextAsync("Le 3e mercredi de chaque mois à 13 h 30 (heure du Québec) · Joliette");
        await Expect(member.GetByTestId("series-next")).ToBeVisibleAsync();
        await Expect(member.GetByTestId("series-calendar")).ToHaveAttributeAsync("href", $"/api/tables/{tableId}/series.ics");
        await Expect(member.GetByTestId("series-create-next")).ToBeHiddenAsync();
        await Expect(member.GetByText("Modifier la série et l’ordre du jour type")).ToBeHiddenAsync();
        await Viewports.AssertFitsAsync(member, Viewports.Phone);
        Assert.Empty(await Axe.SeriousViolationsAsync(member));
        await memberSession.SwitchLanguageAsync();
        await Expect(member.GetByTestId("series-summary")).ToHaveTextAsync("The third Wednesday of every month at 1:30 p.m. (Québec time) · Joliette");
        Assert.Empty(await Axe.SeriousViolationsAsync(member));
        await organiser.GotoAsync($"/meetings.html?table={tableId}");
        await organiser.GetByText("Modifier la série et l’ordre du jour type").ClickAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(organiser));
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
