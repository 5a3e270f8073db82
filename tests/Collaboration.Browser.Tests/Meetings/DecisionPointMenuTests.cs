using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// Issue 12, item 3: after "Passer à ce point", the decision and action item forms' "Point" menus
/// follow the new current item on every screen, and a decision is filed under it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionPointMenuTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task PointMenus_FollowTheCurrentItem_OnEveryScreen_AndTheDecisionIsFiledThere(string screen)
    {
        // Arrange: a meeting in progress on item 1; the organiser and the secretary each have the room open
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = $"Table de Joliette ({screen})", quorum = 1 })).GetProperty("id").GetGuid();
        var secretary = await PostAsync(api, $"/api/tables/{tableId}/members",
            new { name = "Amina Diallo", organisation = "Lanaudière Économique", sector = "economique", email = $"amina-{screen}@exemple.qc.ca", role = "secretary" });
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre de décembre", startsAt = DateTimeOffset.UtcNow.ToString("O") })).GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Mot de bienvenue", plannedMinutes = 5 });
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Logement à Terrebonne", plannedMinutes = 20 });
        var agenda = (await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}")).GetProperty("meeting").GetProperty("agenda");
        var (item1, item2) = (agenda[0].GetProperty("id").GetGuid(), agenda[1].GetProperty("id").GetGuid());
        await PostAsync(api, $"/api/meetings/{meetingId}/start", new { });
        (await api.PutAsJsonAsync($"/api/meetings/{meetingId}/current", new { itemId = item1 })).EnsureSuccessStatusCode();

        await using var organiserSession = await fixture.NewSessionAsync(output, Screens.Options(screen));
        await using var secretarySession = await fixture.NewSessionAsync(output, Screens.Options(screen));
        await organiserSession.SignInAsOrganiserAsync($"/meeting.html?id={meetingId}");
        var link = new Uri(secretary.GetProperty("signInLink").GetString()!);
        await secretarySession.Page.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(secretarySession.Page).ToHaveURLAsync(new Regex("/meetings\\.html"));
        await secretarySession.Page.GotoAsync($"/meeting.html?id={meetingId}");
        foreach (var session in new[] { organiserSession, secretarySession })
        {
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
            await Expect(session.Page.Locator("#decision-item")).ToHaveValueAsync(item1.ToString());
        }

        // Act: the organiser moves to item 2
        await organiserSession.Page.GetByTestId("agenda-item").Nth(1).GetByTestId("make-current").ClickAsync();

        // Assert: both menus of both screens now say item 2, without a reload
        foreach (var session in new[] { organiserSession, secretarySession })
        {
            await Expect(session.Page.GetByTestId("agenda-item").Nth(1)).ToHaveAttributeAsync("data-current", "true");
            await Expect(session.Page.Locator("#decision-item")).ToHaveValueAsync(item2.ToString());
            await Expect(session.Page.Locator("#action-item")).ToHaveValueAsync(item2.ToString());
            await session.AssertNoSidewaysScrollAsync(screen);
        }

        // Act: the secretary records a decision from the form as it stands
        var page = secretarySession.Page;
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Décision", Exact = true }).FillAsync("Mandat au comité logement.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Consigner la décision" }).ClickAsync();

        // Assert: filed under item 2, and shown on the organiser's screen under it
        await Expect(organiserSession.Page.GetByTestId("decision").Filter(new() { HasText = "Mandat au comité logement." }))
            .ToContainTextAsync("Logement à Terrebonne");
        var meeting = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}");
        var decision = meeting.GetProperty("meeting").GetProperty("decisions").EnumerateArray().Single();
        Assert.Equal(item2, decision.GetProperty("agendaItemId").GetGuid());
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
