using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>The meeting room in two real Chromium browsers at once: the organiser runs it, a member follows.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MeetingRoomTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OrganiserAndMember_SeeTheSameMeetingLive_ThroughADroppedConnection_ToTheMinutes()
    {
        // Arrange: a table (quorum 2) with Amina (who will open the room) and Bruno (already present), a meeting of two items
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table régionale du Bas-Saint-Laurent", quorum = 2 })).GetProperty("id").GetGuid();
        var amina = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email = "amina@exemple.qc.ca" });
        var bruno = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Bruno Gagnon", organisation = "Ville", sector = "municipal", email = "bruno@exemple.qc.ca" });
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre de novembre", startsAt = DateTimeOffset.UtcNow.ToString("O"), location = "Salle B-204" })).GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Mot de bienvenue", plannedMinutes = 5 });
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Logement des travailleurs", plannedMinutes = 20 });
        (await api.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{bruno.GetProperty("memberId").GetGuid()}", new { status = "remote" })).EnsureSuccessStatusCode();

        await using var organiserSession = await fixture.NewSessionAsync(output);
        await using var memberSession = await fixture.NewSessionAsync(output);
        var organiser = organiserSession.Page;
        var member = memberSession.Page;
        var relay = await HubSocketRelay.RouteAsync(member);

        await organiser.GotoAsync("/login.html");
        await organiser.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await organiser.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(organiser).ToHaveURLAsync(new Regex("/meetings\\.html$"));
        await organiser.GotoAsync($"/meeting.html?id={meetingId}");

        // the member opens their personal link, lands on their table, then opens the meeting
        await member.GotoAsync(new Uri(amina.GetProperty("signInLink").GetString()!).PathAndQuery + new Uri(amina.GetProperty("signInLink").GetString()!).Fragment);
        await Expect(member).ToHaveURLAsync(new Regex($"/meetings\\.html\\?table={tableId}$"));
        await Expect(member.GetByTestId("table-name")).ToHaveTextAsync("Table régionale du Bas-Saint-Laurent");
        await member.GetByRole(AriaRole.Link, new() { Name = "Rencontre de novembre" }).ClickAsync();
        foreach (var session in new[] { organiserSession, memberSession })
        {
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
            await Expect(session.Page.GetByTestId("meeting-title")).ToHaveTextAsync("Rencontre de novembre");
        }
        await Expect(member.GetByTestId("start-meeting")).ToBeHiddenAsync(); // members do not run the meeting
        await Expect(organiser.GetByTestId("presence")).ToContainTextAsync("Amina Diallo");

        // Act: the organiser starts the meeting and moves to item 2
        await organiser.GetByTestId("start-meeting").ClickAsync();
        await Expect(member.GetByTestId("meeting-status")).ToHaveTextAsync("En cours");
        await organiser.GetByTestId("agenda-item").Nth(1).GetByTestId("make-current").ClickAsync();

        // Assert: the member sees it without reloading
        var memberItem2 = member.GetByTestId("agenda-item").Nth(1);
        await Expect(memberItem2).ToHaveAttributeAsync("data-current", "true");
        await Expect(memberItem2).ToHaveAttributeAsync("aria-current", "step");
        await Expect(member.GetByTestId("agenda-item").Nth(0)).ToHaveAttributeAsync("data-current", "false");

        // Act: the member marks themselves present
        await Expect(organiser.GetByTestId("quorum")).ToHaveAttributeAsync("data-reached", "false");
        await member.GetByTestId("mark-present").ClickAsync();

        // Assert: the organiser sees it, and the quorum reached
        var aminaRow = organiser.GetByTestId("attendee").Filter(new() { HasText = "Amina Diallo" });
        await Expect(aminaRow).ToHaveAttributeAsync("data-status", "present");
        await Expect(organiser.GetByTestId("quorum")).ToHaveAttributeAsync("data-reached", "true");
        await Expect(organiser.GetByTestId("quorum")).ToContainTextAsync("2 sur 2");

        // Act: the member's connection drops; meanwhile the organiser records a decision and an action item
        Assert.True(relay.HasRelayed, "the member's hub connection did not go through the relay");
        await relay.DropAsync();
        await Expect(memberSession.ConnectionState).ToHaveAttributeAsync("data-state", "reconnecting");
        await organiser.GetByLabel("Décision", new() { Exact = true }).FillAsync("Créer un comité logement.");
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Consigner la décision" }).ClickAsync();
        await Expect(organiser.GetByTestId("decision")).ToContainTextAsync("Créer un comité logement.");
        await organiser.GetByLabel("Tâche", new() { Exact = true }).FillAsync("Recenser les logements disponibles");
        await organiser.GetByLabel("Responsable", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Amina Diallo" });
        await organiser.GetByRole(AriaRole.Button, new() { Name = "Ajouter le suivi" }).ClickAsync();
        await Expect(organiser.GetByTestId("action-item")).ToContainTextAsync("Recenser les logements disponibles");
        await Expect(member.GetByTestId("decisions")).Not.ToContainTextAsync("Créer un comité logement.");

        // Act: the network is back
        relay.Restore();

        // Assert: nothing missed
        await Expect(memberSession.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Reconnect });
        await Expect(member.GetByTestId("decision")).ToContainTextAsync("Créer un comité logement.");
        await Expect(member.GetByTestId("action-item")).ToContainTextAsync("Recenser les logements disponibles");
        await Expect(member.GetByTestId("agenda-item").Nth(1)).ToHaveAttributeAsync("data-current", "true");

        // Act: the organiser closes the meeting
        organiser.Dialog += (_, dialog) => dialog.AcceptAsync();
        await organiser.GetByTestId("close-meeting").ClickAsync();

        // Assert: both see it read-only, and the minutes
        foreach (var page in new[] { organiser, member })
        {
            await Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("Close");
            await Expect(page.GetByTestId("read-only-notice")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("mark-present")).ToBeHiddenAsync();
            await Expect(page.GetByTestId("make-current")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("minutes-link")).ToBeVisibleAsync();
        }
        await Expect(organiser.GetByTestId("attendance-select")).ToHaveCountAsync(0);
        await member.GetByTestId("minutes-link").ClickAsync();
        await Expect(member.GetByTestId("minutes-title")).ToHaveTextAsync("Procès-verbal — Rencontre de novembre");
        await Expect(member.GetByTestId("minutes-decision")).ToContainTextAsync("Créer un comité logement.");
        await Expect(member.GetByTestId("minutes-attendance")).ToContainTextAsync("Amina Diallo");
        await Expect(member.GetByTestId("minutes-actions")).ToContainTextAsync("Recenser les logements disponibles");
    }

    [Fact]
    public async Task StaleAgendaEdit_InTheRoom_IsRefused_AndShowsTheCurrentValue()
    {
        // Arrange: the organiser opens an item's edit form; meanwhile someone else renames the item
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table des conflits", quorum = 1 })).GetProperty("id").GetGuid();
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre disputée", startsAt = DateTimeOffset.UtcNow.ToString("O") })).GetProperty("id").GetGuid();
        var item = (await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Titre initial", plannedMinutes = 5 })).GetProperty("current");
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword } });
        await page.GotoAsync($"/meeting.html?id={meetingId}");
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
        await page.GetByTestId("agenda-item").GetByRole(AriaRole.Button, new() { Name = "Modifier" }).ClickAsync();
        (await api.PutAsJsonAsync($"/api/meetings/{meetingId}/agenda/{item.GetProperty("id").GetGuid()}",
            new { title = "Titre de l'autre", expectedVersion = item.GetProperty("version").GetInt64() })).EnsureSuccessStatusCode();

        // Act
        await page.GetByTestId("agenda-item").GetByLabel("Titre").FillAsync("Mon titre");
        await page.GetByTestId("agenda-item").GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        // Assert: refused, the other title is shown, nothing overwritten
        await Expect(page.GetByTestId("room-error")).ToContainTextAsync("Rien n’a été écrasé");
        await Expect(page.GetByTestId("agenda-item")).ToContainTextAsync("Titre de l'autre");
        var meeting = await (await api.GetAsync($"/api/meetings/{meetingId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Titre de l'autre", meeting.GetProperty("meeting").GetProperty("agenda")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task MeetingRoom_IsUsableOnAPhone_AndSwitchesToEnglish()
    {
        // Arrange
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table mobile", quorum = 1 })).GetProperty("id").GetGuid();
        var member = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Lucía Hernández", sector = "institutionnel", email = "lucia@exemple.qc.ca" });
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre au téléphone", startsAt = DateTimeOffset.UtcNow.ToString("O") })).GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Point unique", plannedMinutes = 5 });
        await using var session = await fixture.NewSessionAsync(output, new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        var link = new Uri(member.GetProperty("signInLink").GetString()!);
        await session.Page.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(session.Page).ToHaveURLAsync(new Regex("/meetings\\.html"));

        // Act
        await session.Page.GotoAsync($"/meeting.html?id={meetingId}");
        await session.Page.GetByTestId("mark-present").FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(session.Page.GetByTestId("quorum")).ToHaveAttributeAsync("data-reached", "true");
        var width = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the room scrolls sideways on a phone ({width}px)");
        await session.SwitchLanguageAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Agenda" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("quorum")).ToContainTextAsync("Quorum: 1 of 1 required — reached");
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
