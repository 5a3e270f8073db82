using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>
/// A colloque attendee who came downloads the attestation of participation from their private manage link, in French and
/// English, on desktop and phone; its code verifies on the public page; an attendee who did not come gets none. axe finds
/// no serious or critical issue on either page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ColloqueAttestationBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Phone, "en")]
    public async Task CheckedInAttendee_DownloadsTheAttestation_FromTheManageLink_AndItVerifies(string viewport, string language)
    {
        // Arrange: two attendees of an open colloque; the first is checked in at the door, the second never came.
        var arranged = await ColloqueArrangement.OpenAsync(fixture);
        await arranged.SessionAsync("Mot d'ouverture", "plenary", "Grande salle", 0);
        var came = await SignUpAsync(arranged.Colloque, "Thérèse Brûlé", $"therese-{Guid.NewGuid():N}@exemple.qc.ca");
        var absent = await SignUpAsync(arranged.Colloque, "Yves Éthier", $"yves-{Guid.NewGuid():N}@exemple.qc.ca");
        (await arranged.Organiser.PostAsJsonAsync($"/api/colloques/{arranged.Colloque}/checkins",
            new { code = came.GetProperty("code").GetString(), nonce = Guid.NewGuid().ToString("N") }).WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { BypassCSP = true }));
        var page = browser.Page;

        // Act: the attendee's private page, download.
        await page.GotoAsync(ManagePath(arranged.Colloque, came, language));
        await Expect(page.GetByTestId("my-programme")).Not.ToBeEmptyAsync(new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language, new() { Timeout = Timeouts.Ui });
        var button = page.GetByTestId("attestation-download");
        await Expect(button).ToHaveTextAsync(language == "en" ? "Download my certificate of participation (PDF)" : "Télécharger mon attestation de participation (PDF)");
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await Viewports.AssertFitsAsync(page, viewport);
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"attestation-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);

        // Assert: a PDF, hers (the organiser's list has her under the same reference), whose code verifies on the public page.
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var listed = (await arranged.Organiser.GetFromJsonAsync<JsonElement>($"/api/attestations/colloque:{arranged.Colloque:N}").WaitAsync(Timeouts.Http))
            .EnumerateArray().Single();
        Assert.Equal(("Thérèse Brûlé", came.GetProperty("code").GetString()), (listed.GetProperty("name").GetString(), listed.GetProperty("reference").GetString()));
        await page.GotoAsync($"/attestation/{listed.GetProperty("code").GetString()}?lang={language}");
        await Expect(page.GetByTestId("attestation-verdict")).ToHaveAttributeAsync("data-valid", "true", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("attestation-verdict")).ToHaveTextAsync(language == "en" ? "This certificate is valid." : "Cette attestation est valide.");
        violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await Viewports.AssertFitsAsync(page, viewport);

        // The attendee who did not come: the page says when it becomes available, and gives no file.
        await page.GotoAsync(ManagePath(arranged.Colloque, absent, language));
        await Expect(page.GetByTestId("my-programme")).Not.ToBeEmptyAsync(new() { Timeout = Timeouts.Ui });
        await page.GetByTestId("attestation-download").ClickAsync();
        await Expect(page.GetByTestId("attestation-status")).ToHaveTextAsync(language == "en"
            ? "The certificate is available once the team has recorded your attendance."
            : "L'attestation est offerte une fois votre présence enregistrée par l'équipe.", new() { Timeout = Timeouts.Ui });
        violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static string ManagePath(Guid colloque, JsonElement signup, string language) =>
        $"/colloque/{colloque}/manage?code={signup.GetProperty("code").GetString()}&lang={language}#token={signup.GetProperty("manageToken").GetString()}";

    private async Task<JsonElement> SignUpAsync(Guid colloque, string name, string email)
    {
        var response = await fixture.CreateApiClient().PostAsJsonAsync($"/api/colloques/{colloque}/signups", new
        {
            name, organisation = "Carrefour jeunesse-emploi", email, category = "communityOrganisation", mrc = "joliette", consent = true, choices = Array.Empty<Guid>(),
        }).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
