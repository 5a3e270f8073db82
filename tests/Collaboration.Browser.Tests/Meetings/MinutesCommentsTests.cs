using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// Minutes circulated, commented and adopted, in two real Chromium browsers: the chair on a laptop circulates the
/// minutes; a member on a phone proposes a correction; the chair accepts it (its history shows); the next meeting adopts
/// the minutes, which then take no more comments; the member's page follows each change live; a later correction is an
/// erratum motion opened from the room, shown on the adopted minutes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MinutesCommentsTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task ChairCirculates_AMemberOnAPhoneProposesACorrection_TheChairAcceptsIt_AndTheNextMeetingAdoptsTheMinutes()
    {
        // Arrange: a table (quorum 2), Amina and Bruno, October's meeting closed with its "Bilan" item
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword }).WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        var tableId = (await SendAsync(api, HttpMethod.Post, "/api/tables", new { name = "Table des procès-verbaux", quorum = 2 })).GetProperty("id").GetGuid();
        var amina = await SendAsync(api, HttpMethod.Post, $"/api/tables/{tableId}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email = "amina.pv@exemple.qc.ca" });
        var bruno = await SendAsync(api, HttpMethod.Post, $"/api/tables/{tableId}/members", new { name = "Bruno Gagnon", organisation = "Ville", sector = "municipal", email = "bruno.pv@exemple.qc.ca" });
        var october = (await SendAsync(api, HttpMethod.Post, "/api/meetings", new { tableId, title = "Rencontre d'octobre", startsAt = DateTimeOffset.UtcNow.AddDays(-30).ToString("O"), location = "Joliette" })).GetProperty("id").GetGuid();
        await SendAsync(api, HttpMethod.Post, $"/api/meetings/{october}/agenda", new { title = "Bilan", plannedMinutes = 10, notes = "Bilan présenté." });
        await SendAsync(api, HttpMethod.Post, $"/api/meetings/{october}/start", new { });
        await SendAsync(api, HttpMethod.Post, $"/api/meetings/{october}/close", new { });

        await using var chairSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Desktop, new() { BypassCSP = true }));
        await using var aminaSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone, new() { BypassCSP = true }));
        var (chair, aminaPage) = (chairSession.Page, aminaSession.Page);
        await chair.Context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword } });
        var link = new Uri(amina.GetProperty("signInLink").GetString()!);
        await aminaPage.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(aminaPage).ToHaveURLAsync(new Regex("/meetings\\.html"));

        // Act: the chair circulates the minutes from the room
        await chair.GotoAsync($"/meeting.html?id={october}");
        await chair.GetByTestId("circulate-minutes").ClickAsync();

        // Assert: said as a success, not as an error
        await Expect(chair.GetByTestId("minutes-status")).ToHaveTextAsync("Le procès-verbal est envoyé aux membres.");
        await Expect(chair.GetByTestId("room-error")).ToBeEmptyAsync();

        // Act: Amina, on her phone, proposes a correction of the item's notes
        await aminaPage.GotoAsync($"/minutes.html?id={october}");
        await Expect(aminaPage.GetByTestId("minutes-state")).ToContainTextAsync("Diffusé aux membres");
        await aminaPage.GetByLabel("Commenter ou corriger « Bilan »").SelectOptionAsync("correction");
        await aminaPage.GetByLabel("Votre commentaire, ou le texte corrigé").FillAsync("Bilan présenté par Amina Diallo.");
        await aminaPage.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).TapAsync();

        // Assert: her correction waits for the chair
        await Expect(aminaPage.GetByTestId("minutes-said")).ToHaveTextAsync("Envoyé : la présidence l’acceptera ou le refusera.");
        await Expect(aminaPage.GetByTestId("minutes-comment")).ToContainTextAsync("Amina Diallo — Correction proposée (notes du point) : Bilan présenté par Amina Diallo.");
        await Expect(aminaPage.GetByTestId("minutes-comment-status")).ToHaveTextAsync("En attente de la présidence.");
        await Expect(aminaPage.GetByTestId("accept-comment")).ToHaveCountAsync(0);

        // Act: the chair accepts it
        await chair.GotoAsync($"/minutes.html?id={october}");
        await chair.GetByTestId("accept-comment").ClickAsync();

        // Assert: the notes changed, the history keeps who, when and the text before
        await Expect(chair.GetByTestId("minutes-said")).ToHaveTextAsync("Accepté : le procès-verbal est à jour.");
        await Expect(chair.GetByTestId("minutes-notes")).ToHaveTextAsync("Bilan présenté par Amina Diallo.");
        await Expect(chair.GetByTestId("minutes-comment-previous")).ToHaveTextAsync("Texte précédent : « Bilan présenté. »");
        // Amina's page, left open, follows live: no reload.
        await Expect(aminaPage.GetByTestId("minutes-notes")).ToHaveTextAsync("Bilan présenté par Amina Diallo.");
        await Expect(aminaPage.GetByTestId("minutes-comment-status")).ToContainTextAsync("Acceptée par");
        await Viewports.AssertFitsAsync(aminaPage, Viewports.Phone);
        Assert.Empty(await Axe.SeriousViolationsAsync(aminaPage));
        await aminaSession.SwitchLanguageAsync();
        await Expect(aminaPage.GetByTestId("minutes-comment-previous")).ToHaveTextAsync("Previous text: “Bilan présenté.”");
        Assert.Empty(await Axe.SeriousViolationsAsync(aminaPage));

        // Act: November's meeting adopts October's minutes by a motion
        var november = (await SendAsync(api, HttpMethod.Post, "/api/meetings", new { tableId, title = "Rencontre de novembre", startsAt = DateTimeOffset.UtcNow.ToString("O"), location = "Joliette" })).GetProperty("id").GetGuid();
        var adoptionItem = (await SendAsync(api, HttpMethod.Get, $"/api/meetings/{november}", null)).GetProperty("meeting").GetProperty("agenda")[0];
        Assert.Equal(october, adoptionItem.GetProperty("adoptsMinutesOf").GetGuid());
        await SendAsync(api, HttpMethod.Post, $"/api/meetings/{november}/start", new { });
        foreach (var member in new[] { amina, bruno })
            await SendAsync(api, HttpMethod.Put, $"/api/meetings/{november}/attendance/{member.GetProperty("memberId").GetGuid()}", new { status = "present" });
        var motion = (await SendAsync(api, HttpMethod.Post, $"/api/meetings/{november}/motions", new
        {
            agendaItemId = adoptionItem.GetProperty("id").GetGuid(), text = "le procès-verbal soit adopté tel que corrigé",
            proposerId = amina.GetProperty("memberId").GetGuid(), seconderId = bruno.GetProperty("memberId").GetGuid(), kind = "open", totalsVisible = true,
        })).GetProperty("current").GetProperty("id").GetGuid();
        await SendAsync(api, HttpMethod.Put, $"/api/meetings/{november}/motions/{motion}/hands", new { @for = 2, against = 0, abstain = 0 });
        await SendAsync(api, HttpMethod.Post, $"/api/meetings/{november}/motions/{motion}/close", new { });

        // Assert: Amina's open page says "adopted", live (the adoption reaches October's meeting after November's write),
        // and takes no more comments
        await Expect(aminaPage.GetByTestId("minutes-state")).ToContainTextAsync("Adopted", new() { Timeout = 30_000 });
        await Expect(aminaPage.GetByTestId("minutes-state")).ToContainTextAsync("Rencontre de novembre");
        await Expect(aminaPage.GetByTestId("comment-form")).ToHaveCountAsync(0);
        await Expect(aminaPage.GetByTestId("minutes-comment-previous")).ToHaveTextAsync("Previous text: “Bilan présenté.”");

        // Act: a correction now is an erratum: the chair opens it from November's room, choosing October's adopted minutes
        await chair.GotoAsync($"/meeting.html?id={november}");
        await chair.GetByLabel("Erratum au procès-verbal adopté de").SelectOptionAsync(october.ToString());
        await chair.Locator("#motion-text").FillAsync("les notes du bilan se lisent « Bilan présenté par la coordination. »");
        await chair.Locator("#motion-proposer").SelectOptionAsync(amina.GetProperty("memberId").GetString()!);
        await chair.Locator("#motion-seconder").SelectOptionAsync(bruno.GetProperty("memberId").GetString()!);
        await chair.GetByTestId("open-motion").ClickAsync();
        await Expect(chair.GetByTestId("open-motion-card")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(chair));
        var erratum = (await SendAsync(api, HttpMethod.Get, $"/api/meetings/{november}", null)).GetProperty("meeting").GetProperty("motions").EnumerateArray()
            .Single(m => m.GetProperty("status").GetString() == "open").GetProperty("id").GetGuid();
        await SendAsync(api, HttpMethod.Put, $"/api/meetings/{november}/motions/{erratum}/hands", new { @for = 2, against = 0, abstain = 0 });
        await SendAsync(api, HttpMethod.Post, $"/api/meetings/{november}/motions/{erratum}/close", new { });

        // Assert: Amina's open page shows the erratum beside the adopted text, which stays
        await Expect(aminaPage.GetByTestId("minutes-erratum")).ToContainTextAsync("Bilan présenté par la coordination.", new() { Timeout = 30_000 });
        await Expect(aminaPage.GetByTestId("minutes-erratum")).ToContainTextAsync("Rencontre de novembre");
        await Expect(aminaPage.GetByTestId("minutes-notes")).ToHaveTextAsync("Bilan présenté par Amina Diallo.");
        await chairSession.SwitchLanguageAsync();
        await Expect(chair.GetByTestId("motion-erratum").Locator("option").First).ToHaveTextAsync("None (an ordinary resolution)");
        Assert.Empty(await Axe.SeriousViolationsAsync(chair));
    }

    private static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await api.SendAsync(request).WaitAsync(Timeouts.Http);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
