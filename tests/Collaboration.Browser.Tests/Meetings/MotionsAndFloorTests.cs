using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// Motions, votes and the speaking queue in three real Chromium browsers at once: the chair on a laptop, two members
/// on phones (one of them using only the keyboard); the result everywhere and in the minutes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MotionsAndFloorTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ChairOpensAMotion_MembersVoteFromPhones_TheResultReachesEveryScreenAndTheMinutes_AndTheFloorIsGiven()
    {
        // Arrange: a table (quorum 2), Amina and Bruno, a meeting in progress on "Adoption de l'ordre du jour"
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table des votes", quorum = 2 })).GetProperty("id").GetGuid();
        var amina = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email = "amina.vote@exemple.qc.ca" });
        var bruno = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Bruno Gagnon", organisation = "Ville", sector = "municipal", email = "bruno.vote@exemple.qc.ca" });
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre de décembre", startsAt = DateTimeOffset.UtcNow.ToString("O"), location = "Salle B-204" })).GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Adoption de l'ordre du jour", plannedMinutes = 5 });
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Varia", plannedMinutes = 5 });
        await PostAsync(api, $"/api/meetings/{meetingId}/start", new { });

        await using var chairSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Desktop, new() { BypassCSP = true }));
        await using var aminaSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone, new() { BypassCSP = true }));
        await using var brunoSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone, new() { BypassCSP = true }));
        var (chair, aminaPage, brunoPage) = (chairSession.Page, aminaSession.Page, brunoSession.Page);
        await chair.GotoAsync("/login.html");
        await chair.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await chair.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(chair).ToHaveURLAsync(new Regex("/meetings\\.html$"));
        await chair.GotoAsync($"/meeting.html?id={meetingId}");
        foreach (var (page, member) in new[] { (aminaPage, amina), (brunoPage, bruno) })
        {
            var link = new Uri(member.GetProperty("signInLink").GetString()!);
            await page.GotoAsync(link.PathAndQuery + link.Fragment);
            await Expect(page).ToHaveURLAsync(new Regex("/meetings\\.html"));
            await page.GotoAsync($"/meeting.html?id={meetingId}");
        }
        foreach (var session in new[] { chairSession, aminaSession, brunoSession })
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");

        // Act: Amina (keyboard only) and Bruno say they are here; the chosen button shows it
        await Press(aminaPage.GetByTestId("mark-present"));
        await brunoPage.GetByTestId("mark-remote").TapAsync();
        await Expect(aminaPage.GetByTestId("mark-present")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(brunoPage.GetByTestId("mark-remote")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(brunoPage.GetByTestId("mark-present")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(chair.GetByTestId("quorum")).ToHaveAttributeAsync("data-reached", "true");

        // Act: the chair opens a motion, moved by Amina, seconded by Bruno
        await chair.GetByLabel("Il est résolu que…").FillAsync("l'ordre du jour soit adopté tel que présenté");
        await chair.GetByLabel("Proposée par").SelectOptionAsync(new SelectOptionValue { Label = "Amina Diallo" });
        await chair.GetByLabel("Appuyée par").SelectOptionAsync(new SelectOptionValue { Label = "Bruno Gagnon" });
        await chair.GetByTestId("open-motion").ClickAsync();

        // Assert: both phones show it, with their ballot
        foreach (var page in new[] { aminaPage, brunoPage })
        {
            await Expect(page.GetByTestId("motion-text")).ToHaveTextAsync("l'ordre du jour soit adopté tel que présenté");
            await Expect(page.GetByTestId("my-vote")).ToHaveTextAsync("Vous n’avez pas encore voté.");
        }

        // Act: Amina votes "Pour" with the keyboard; Bruno taps "Contre", then changes his mind
        await Press(aminaPage.GetByTestId("vote-for"));
        await brunoPage.GetByTestId("vote-against").TapAsync();
        await Expect(chair.GetByTestId("motion-tally")).ToContainTextAsync("Pour 1 · Contre 1 · Abstention 0");
        await brunoPage.GetByTestId("vote-for").TapAsync();

        // Assert: each sees their own vote; every screen the same live totals
        await Expect(aminaPage.GetByTestId("my-vote")).ToContainTextAsync("Votre vote : Pour.");
        await Expect(brunoPage.GetByTestId("vote-for")).ToHaveAttributeAsync("aria-pressed", "true");
        foreach (var page in new[] { chair, aminaPage, brunoPage })
            await Expect(page.GetByTestId("motion-tally")).ToContainTextAsync("Pour 2 · Contre 0 · Abstention 0");

        // Act: the chair closes the vote
        await chair.GetByTestId("close-motion").ClickAsync();

        // Assert: the result, in the board's wording, on every screen and as the item's decision
        const string Result = "Sur proposition de Amina Diallo, appuyée par Bruno Gagnon, il est résolu que l'ordre du jour soit adopté tel que présenté. Adoptée à l'unanimité (2 pour, 0 contre, 0 abstention).";
        foreach (var page in new[] { chair, aminaPage, brunoPage })
        {
            await Expect(page.GetByTestId("motion-result")).ToContainTextAsync(Result);
            await Expect(page.GetByTestId("decision")).ToContainTextAsync(Result);
            await Expect(page.GetByTestId("open-motion-card")).ToHaveCountAsync(0);
        }

        // Act: Amina asks for the floor (keyboard); the chair gives it to the next speaker
        await Press(aminaPage.GetByTestId("raise-hand"));
        await Expect(chair.GetByTestId("queued-speaker")).ToHaveTextAsync(new Regex("^Amina Diallo"));
        await Expect(brunoPage.GetByTestId("queued-speaker")).ToHaveTextAsync(new Regex("^Amina Diallo"));
        await Expect(aminaPage.GetByTestId("floor-position")).ToHaveTextAsync("Vous êtes 1 dans la file.");
        await chair.GetByTestId("next-speaker").ClickAsync();

        // Assert: everyone sees who speaks, the queue is empty again
        foreach (var page in new[] { chair, aminaPage, brunoPage })
        {
            await Expect(page.GetByTestId("speaker")).ToContainTextAsync("Parole à Amina Diallo");
            await Expect(page.GetByTestId("queued-speaker")).ToHaveCountAsync(0);
        }

        // Assert: the phones fit, and axe finds nothing serious, in French then English
        foreach (var session in new[] { aminaSession, chairSession })
        {
            await Viewports.AssertFitsAsync(session.Page, session == chairSession ? Viewports.Desktop : Viewports.Phone);
            Assert.Empty(await Axe.SeriousViolationsAsync(session.Page));
        }
        await aminaSession.SwitchLanguageAsync();
        await Expect(aminaPage.GetByTestId("motion-result")).ToContainTextAsync(
            "On a motion by Amina Diallo, seconded by Bruno Gagnon, it is resolved that l'ordre du jour soit adopté tel que présenté. Carried unanimously (2 for, 0 against, 0 abstentions).");
        await Expect(aminaPage.GetByTestId("speaker")).ToContainTextAsync("Amina Diallo has the floor");
        Assert.Empty(await Axe.SeriousViolationsAsync(aminaPage));

        // Act: the chair closes the meeting
        chair.Dialog += (_, dialog) => dialog.AcceptAsync();
        await chair.GetByTestId("close-meeting").ClickAsync();

        // Assert: the minutes carry the resolution, in each reader's language
        await Expect(brunoPage.GetByTestId("minutes-link")).ToBeVisibleAsync();
        await brunoPage.GetByTestId("minutes-link").TapAsync();
        await Expect(brunoPage.GetByTestId("minutes-decision")).ToContainTextAsync(Result);
        await aminaPage.GotoAsync($"/minutes.html?id={meetingId}");
        await Expect(aminaPage.GetByTestId("minutes-decision")).ToContainTextAsync("Carried unanimously (2 for, 0 against, 0 abstentions).");

        // Assert: and the coordination board lists the resolution among the table's decisions
        await chair.GotoAsync($"/coordination?table={tableId}");
        await Expect(chair.GetByTestId("board-decision").Filter(new() { HasText = "Rencontre de décembre" })).ToContainTextAsync(Result);
    }

    /// <summary>Reaches a control the keyboard way: focus, then Enter.</summary>
    private static async Task Press(ILocator control)
    {
        await control.FocusAsync();
        await control.Page.Keyboard.PressAsync("Enter");
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
