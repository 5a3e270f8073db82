using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collaboration.Browser.Tests.Mail;
using MimeKit;

namespace Collaboration.Browser.Tests.Evaluations;

/// <summary>
/// Evaluations and attestations through the real pages: the organiser builds a form and sees the answers arrive live
/// while a second browser answers from the emailed link, and the activity report keeps so few answers out of the MRC
/// columns; an employer downloads the attestation from the manage link;
/// axe finds no serious or critical issue on the new pages, in French and English, on phone and desktop.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed partial class EvaluationBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Viewports.Desktop, Viewports.Phone)]
    [InlineData(Viewports.Phone, Viewports.Desktop)]
    public async Task OrganiserBuildsAForm_AndSeesTheAnswerArriveLive_WhileAParticipantAnswers(string organiserViewport, string participantViewport)
    {
        // Arrange: a session with one employer marked present.
        var session = await CreateSessionAsync();
        var email = $"avis-{Guid.NewGuid():N}@exemple.qc.ca";
        var registration = await RegisterAsync(session, email, "Réjean Thériault");
        await MarkPresentAsync(session, registration.GetProperty("code").GetString()!);
        await using var organiser = await fixture.NewSessionAsync(output, Viewports.Options(organiserViewport, new() { BypassCSP = true }));
        var admin = organiser.Page;
        await organiser.SignInAsOrganiserAsync($"/evaluations/admin?event=workshop:{session:N}");
        await Expect(admin.GetByTestId("questions").Locator("li.question")).ToHaveCountAsync(6); // the default form

        // Act 1: the organiser adds a question of their own and sends now.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ajouter une question" }).ClickAsync();
        var added = admin.GetByTestId("questions").Locator("li.question").Last;
        await added.GetByLabel("Type").SelectOptionAsync("yesNo");
        await added.GetByLabel("Question en français").FillAsync("Avez-vous reçu la documentation ?");
        await added.GetByLabel("Question en anglais").FillAsync("Did you receive the documentation?");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Envoyer maintenant" }).ClickAsync();
        await Expect(admin.GetByTestId("form-status")).ToHaveTextAsync("Invitations envoyées aux personnes présentes.");
        await Expect(admin.GetByTestId("results-summary")).ToContainTextAsync("0 réponse(s) sur 1");
        Assert.Empty(await Axe.SeriousViolationsAsync(admin));
        await Viewports.AssertFitsAsync(admin, organiserViewport);

        // Act 2: the participant opens the emailed link in another browser and answers.
        var mail = await fixture.ReceivedAsync(email, "Votre avis", Timeout);
        var link = EvaluationLink(mail);
        await using var participant = await fixture.NewSessionAsync(output, Viewports.Options(participantViewport, new() { BypassCSP = true }));
        var form = participant.Page;
        await form.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(form.GetByTestId("evaluation-event")).ToHaveTextAsync("Accueillir en région");
        Assert.Empty(await Axe.SeriousViolationsAsync(form));
        await Viewports.AssertFitsAsync(form, participantViewport);
        await Question(form, "satisfaction").GetByLabel("4", new() { Exact = true }).CheckAsync();
        await Question(form, "recommend").GetByLabel("Oui").CheckAsync();
        await Question(form, "q7").GetByLabel("Non").CheckAsync();
        await Question(form, "comments").Locator("textarea").FillAsync("Des exemples concrets, merci !");
        await form.GetByRole(AriaRole.Button, new() { Name = "Envoyer mes réponses" }).ClickAsync();
        await Expect(form.GetByTestId("evaluation-saved")).ToHaveTextAsync("Merci ! Vos réponses sont enregistrées.");

        // Assert: the organiser's open page shows it without a reload: the count, the mean, the text (no name).
        await Expect(admin.GetByTestId("results-summary")).ToContainTextAsync("1 réponse(s) sur 1", new() { Timeout = 15_000 });
        var results = admin.GetByTestId("results-questions");
        await Expect(results.Locator("[data-question=satisfaction] [data-testid=result-line]")).ToContainTextAsync("Moyenne : 4 / 5");
        await Expect(results.Locator("[data-question=comments]")).ToContainTextAsync("Des exemples concrets, merci !");
        await Expect(results.Locator("[data-question=q7]")).ToContainTextAsync("Avez-vous reçu la documentation ?");
        await Expect(admin.GetByTestId("respondents").Locator("tbody tr[data-answered=true]")).ToHaveCountAsync(1);

        // The activity report: so few answers are fewer than the minimum group, so the satisfaction's MRC column shows no
        // mean and says why, in French and English.
        foreach (var (language, withheld, note) in new[] { ("fr", "moins de 5", "moins de 5 réponses"), ("en", "fewer than 5", "fewer than 5 answers") })
        {
            await admin.GotoAsync($"/rapport?lang={language}");
            await Expect(admin.Locator("tr[data-figure=evaluation-satisfaction] [data-withheld]").First).ToHaveTextAsync(withheld);
            await Expect(admin.GetByTestId("report-small-groups")).ToContainTextAsync(note);
            var violations = await Axe.SeriousViolationsAsync(admin);
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
            await Viewports.AssertFitsAsync(admin, organiserViewport);
        }
    }

    [Theory]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Phone, "en")]
    public async Task Employer_DownloadsTheAttestation_FromTheManageLink_AndItVerifies(string viewport, string language)
    {
        // Arrange: an employer marked present, and one who was not.
        var session = await CreateSessionAsync();
        var present = await RegisterAsync(session, $"present-{Guid.NewGuid():N}@exemple.qc.ca", "Gisèle Désilets");
        var absent = await RegisterAsync(session, $"absent-{Guid.NewGuid():N}@exemple.qc.ca", "Noël Bélanger");
        await MarkPresentAsync(session, present.GetProperty("code").GetString()!);
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { BypassCSP = true }));
        var page = browser.Page;

        // Act: the present employer's private page, download.
        await page.GotoAsync(ManagePath(present, language));
        var button = page.GetByTestId("attestation-download");
        await Expect(button).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"attestation-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);

        // Assert: a PDF; its code verifies on the public page (validity, nothing else).
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using var api = await fixture.OrganiserApiAsync();
        var listed = await api.GetFromJsonAsync<JsonElement>($"/api/attestations/workshop:{session:N}");
        var code = listed.EnumerateArray().Single().GetProperty("code").GetString()!;
        await page.GotoAsync($"/attestation/{code}?lang={language}");
        await Expect(page.GetByTestId("attestation-verdict")).ToHaveAttributeAsync("data-valid", "true");
        await Expect(page.GetByTestId("attestation-verdict")).ToHaveTextAsync(language == "en" ? "This certificate is valid." : "Cette attestation est valide.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await Viewports.AssertFitsAsync(page, viewport);

        // The absent employer's page says when it becomes available, and gives no file.
        await page.GotoAsync(ManagePath(absent, language));
        await page.GetByTestId("attestation-download").ClickAsync();
        await Expect(page.GetByTestId("attestation-status")).ToHaveTextAsync(language == "en"
            ? "The certificate is available once the team has recorded your attendance."
            : "L'attestation est offerte une fois votre présence enregistrée par l'équipe.");
    }

    [Theory]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Desktop, "en")]
    [InlineData(Viewports.Phone, "fr")]
    [InlineData(Viewports.Phone, "en")]
    public async Task OrganiserPages_HaveNoSeriousAccessibilityIssue(string viewport, string language)
    {
        var session = await CreateSessionAsync();
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { BypassCSP = true }));
        await browser.SignInAsOrganiserAsync("/conservation");
        foreach (var path in new[] { $"/conservation?lang={language}", $"/evaluations/admin?event=workshop:{session:N}&lang={language}", $"/attestation/ATT-AAAA-BBBB-CCCC?lang={language}" })
        {
            await browser.Page.GotoAsync(path);
            await Expect(browser.Page.Locator("h1")).ToBeVisibleAsync();
            if (path.StartsWith("/conservation", StringComparison.Ordinal))
                await Expect(browser.Page.Locator("#workshop-months")).ToHaveValueAsync("24");
            else if (path.StartsWith("/evaluations", StringComparison.Ordinal))
                await Expect(browser.Page.GetByTestId("questions").Locator("li.question")).ToHaveCountAsync(6);
            var violations = await Axe.SeriousViolationsAsync(browser.Page);
            Assert.True(violations.Count == 0, $"{path}: {string.Join(Environment.NewLine, violations)}");
            await Viewports.AssertFitsAsync(browser.Page, viewport);
        }
    }

    private static ILocator Question(IPage page, string id) => page.Locator($"fieldset[data-question=\"{id}\"]");

    private static string ManagePath(JsonElement registration, string language)
    {
        var url = new Uri(new Uri("http://x"), registration.GetProperty("manageUrl").GetString()!);
        return $"{url.AbsolutePath}{url.Query}&lang={language}{url.Fragment}";
    }

    private static Uri EvaluationLink(MimeMessage mail) => new(EvaluationPattern().Match(mail.TextBody ?? "").Value);

    [GeneratedRegex(@"https?://\S+/evaluation\?\S+")]
    private static partial Regex EvaluationPattern();

    private async Task<Guid> CreateSessionAsync()
    {
        using var api = await fixture.OrganiserApiAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(3);
        var response = await api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Accueillir en région", titleEn = "Welcoming in the region", descriptionFr = "Atelier", descriptionEn = "Workshop",
            startsAt = starts, endsAt = starts.AddHours(3), place = "Joliette", capacity = 20,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> RegisterAsync(Guid session, string email, string name)
    {
        var response = await fixture.CreateApiClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Boulangerie Saint-Gabriel", contactName = name, email, seats = 1, sector = "Alimentation", consent = true,
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task MarkPresentAsync(Guid session, string code)
    {
        using var api = await fixture.OrganiserApiAsync();
        (await api.PostAsJsonAsync($"/api/workshops/{session}/registrants/{code}/attendance", new { attended = true })).EnsureSuccessStatusCode();
    }
}
