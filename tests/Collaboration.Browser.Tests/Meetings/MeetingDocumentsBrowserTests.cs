using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Meetings;

/// <summary>
/// Documents on agenda items in two real Chromium browsers: the chair (laptop) attaches a PDF, a member (phone) sees it
/// arrive live and downloads the same bytes; she attaches one to the item she presents; a file whose name lies is refused
/// with a message; in French, then English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingDocumentsBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private static readonly byte[] PdfBytes = [.. "%PDF-1.7\n% Ordre du jour\n"u8, .. Enumerable.Range(0, 50_000).Select(i => (byte)(i % 251))];
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    [Fact]
    public async Task ChairAttachesAPdf_AMemberOnAPhoneDownloadsIt_ThePresenterAttachesHers_AndAMislabelledFileIsRefused()
    {
        // Arrange: a table, Amina presenting item 2, a meeting; the chair on a laptop, Amina on a phone.
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var tableId = (await PostAsync(api, "/api/tables", new { name = "Table des documents", quorum = 1 })).GetProperty("id").GetGuid();
        var amina = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Amina Diallo", organisation = "Carrefour", sector = "communautaire", email = "amina.docs@exemple.qc.ca" });
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre de janvier", startsAt = DateTimeOffset.UtcNow.AddDays(3).ToString("O"), location = "Salle B-204" })).GetProperty("id").GetGuid();
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Plan d'action", plannedMinutes = 15 });
        await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title = "Portrait régional", presenter = "Amina Diallo", plannedMinutes = 15 });

        await using var chairSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Desktop, new() { BypassCSP = true }));
        await using var aminaSession = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone, new() { BypassCSP = true, AcceptDownloads = true }));
        var (chair, aminaPage) = (chairSession.Page, aminaSession.Page);
        await chair.GotoAsync("/login.html");
        await chair.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await chair.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await chair.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(chair).ToHaveURLAsync(new Regex("/meetings\\.html$"));
        await chair.GotoAsync($"/meeting.html?id={meetingId}");
        var link = new Uri(amina.GetProperty("signInLink").GetString()!);
        await aminaPage.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(aminaPage).ToHaveURLAsync(new Regex("/meetings\\.html"));
        await aminaPage.GotoAsync($"/meeting.html?id={meetingId}");
        foreach (var session in new[] { chairSession, aminaSession })
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
        var chairItems = chair.GetByTestId("agenda-item");
        var aminaItems = aminaPage.GetByTestId("agenda-item");

        // Amina may attach only to the item she presents.
        await Expect(aminaItems.Nth(0).GetByTestId("attach-document")).ToHaveCountAsync(0);
        await Expect(aminaItems.Nth(1).GetByLabel("Joindre un document")).ToBeVisibleAsync();

        // Act: the chair attaches the plan to item 1.
        await chairItems.Nth(0).GetByLabel("Joindre un document").SetInputFilesAsync(new FilePayload { Name = "Plan d'action 2027.pdf", MimeType = "application/pdf", Buffer = PdfBytes });

        // Assert: it reaches Amina's phone live, and she downloads the very bytes.
        var aminaLink = aminaItems.Nth(0).GetByTestId("document-link");
        await Expect(aminaLink).ToHaveTextAsync("Plan d'action 2027.pdf");
        var download = await aminaPage.RunAndWaitForDownloadAsync(() => aminaLink.TapAsync());
        Assert.Equal("Plan d'action 2027.pdf", download.SuggestedFilename);
        Assert.Equal(PdfBytes, await File.ReadAllBytesAsync(await download.PathAsync()));

        // Act: Amina attaches a picture to her item from her phone; the chair tries a picture named as a PDF.
        await aminaItems.Nth(1).GetByLabel("Joindre un document").SetInputFilesAsync(new FilePayload { Name = "carte.png", MimeType = "image/png", Buffer = PngBytes });
        await chairItems.Nth(0).GetByLabel("Joindre un document").SetInputFilesAsync(new FilePayload { Name = "budget.pdf", MimeType = "application/pdf", Buffer = PngBytes });

        // Assert: hers reaches the chair; the chair's is refused, with why, and not listed.
        await Expect(chairItems.Nth(1).GetByTestId("document-link")).ToHaveTextAsync("carte.png");
        await Expect(chair.GetByTestId("room-error")).ToContainTextAsync("ne correspond pas à son nom");
        await Expect(chairItems.Nth(0).GetByTestId("document")).ToHaveCountAsync(1);
        await Expect(aminaItems.Nth(1).GetByTestId("remove-document")).ToBeVisibleAsync();
        await Expect(aminaItems.Nth(0).GetByTestId("remove-document")).ToHaveCountAsync(0);

        // Assert: the phone fits; axe finds nothing serious, in French then English.
        await Viewports.AssertFitsAsync(aminaPage, Viewports.Phone);
        Assert.Empty(await Axe.SeriousViolationsAsync(aminaPage));
        Assert.Empty(await Axe.SeriousViolationsAsync(chair));
        await aminaSession.SwitchLanguageAsync();
        await Expect(aminaItems.Nth(1).GetByLabel("Attach a document")).ToBeVisibleAsync();
        await Expect(aminaItems.Nth(1).GetByTestId("remove-document")).ToHaveTextAsync("Remove");
        Assert.Empty(await Axe.SeriousViolationsAsync(aminaPage));

        // Act: the chair removes the plan; Amina's link goes at once.
        chair.Dialog += (_, dialog) => dialog.AcceptAsync();
        await chairItems.Nth(0).GetByTestId("remove-document").ClickAsync();
        await Expect(aminaItems.Nth(0).GetByTestId("document-link")).ToHaveCountAsync(0);
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
