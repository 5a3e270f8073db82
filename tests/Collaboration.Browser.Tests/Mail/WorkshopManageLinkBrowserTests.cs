using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Collaboration.Browser.Tests.Mail;

/// <summary>
/// An employer who lost the email finds their registration again from the workshop's page; whoever types an
/// address learns nothing of its registration (the link goes to the address); the emails follow the page's language.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed partial class WorkshopManageLinkBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Phone, "fr")]
    [InlineData(Viewports.Desktop, "en")]
    [InlineData(Viewports.Phone, "en")]
    public async Task FindMyRegistration_SendsTheLinkToAKnownAddress_AndAnswersAnUnknownOneTheSameWay(string viewport, string language)
    {
        // Arrange: an employer registered earlier (in French) and lost the email.
        var session = await CreateSessionAsync();
        var known = $"perdu-{Guid.NewGuid():N}@exemple.qc.ca";
        var unknown = $"inconnu-{Guid.NewGuid():N}@exemple.qc.ca";
        var code = await RegisterThroughApiAsync(session, known);
        await fixture.ReceivedAsync(known, "", Timeout);
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        var page = browser.Page;
        await page.GotoAsync($"/workshops/session.html?id={session}&lang={language}");
        var find = page.GetByTestId("find-form");
        var heading = language == "en" ? "Find my registration" : "Retrouver mon inscription";
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();

        // Act: the known address, then an unknown one.
        var knownAnswer = await AskAsync(find, known, language);
        var unknownAnswer = await AskAsync(find, unknown, language);

        // Assert: one answer for both, naming no code; the link went to the known address only, in the page's language.
        Assert.Equal(knownAnswer, unknownAnswer);
        Assert.DoesNotContain(code, knownAnswer);
        var mail = await fixture.ReceivedAsync(known, language == "en" ? "Your registration link" : "Votre lien d'inscription", Timeout);
        Assert.Equal(language, Language(mail));
        Assert.DoesNotContain(fixture.Smtp.Received, m => m.To.Mailboxes.Single().Address == unknown);
        await Viewports.AssertFitsAsync(browser.Page, viewport);

        // Act: the employer opens the link from the email (which leads to this node: no Mail:PublicBaseUrl here).
        var link = ManageLink(mail);
        Assert.Equal(fixture.BaseUrl.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        await page.GotoAsync(link.PathAndQuery + link.Fragment);

        // Assert: their registration, with its code.
        await Expect(page.GetByTestId("registration-status")).ToHaveAttributeAsync("data-status", "confirmed");
        await Expect(page.GetByTestId("registration-code")).ToHaveTextAsync(code);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task RegisteringWithAnAddressAlreadyRegistered_ShowsNoCode_AndMailsTheLinkToTheAddress(string viewport)
    {
        // Arrange
        var session = await CreateSessionAsync();
        var email = $"deja-{Guid.NewGuid():N}@exemple.qc.ca";
        var code = await RegisterThroughApiAsync(session, email);
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        var page = browser.Page;
        await page.GotoAsync($"/workshops/session.html?id={session}");

        // Act: someone types that address in the form.
        await FillRegistrationAsync(page, email, "M’inscrire");

        // Assert: the page says the link went to the address, and shows no code; the owner gets the link.
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync(
            "Si cette adresse est inscrite à cet atelier, nous venons d’y envoyer le lien pour gérer son inscription. Vérifiez vos courriels.");
        Assert.DoesNotContain(code, await page.ContentAsync());
        var mail = await fixture.ReceivedAsync(email, "Votre lien d'inscription", Timeout);
        Assert.Contains(code, mail.TextBody);
        await Viewports.AssertFitsAsync(browser.Page, viewport);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task EmployerRegisteringInEnglish_GetsTheConfirmationInEnglishOnly(string viewport)
    {
        // Arrange
        var session = await CreateSessionAsync();
        var email = $"english-{Guid.NewGuid():N}@exemple.qc.ca";
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        await browser.Page.GotoAsync($"/workshops/session.html?id={session}&lang=en");

        // Act
        await FillRegistrationAsync(browser.Page, email, "Register");

        // Assert: the confirmation is in English only.
        await Expect(browser.Page.GetByTestId("registration-status")).ToHaveAttributeAsync("data-status", "confirmed");
        var mail = await fixture.ReceivedAsync(email, "Registration confirmed", Timeout);
        Assert.Equal("en", Language(mail));
        Assert.DoesNotContain("Bonjour", mail.TextBody);
    }

    /// <summary>The message's Content-Language (MimeKit keeps Content-* headers on the body).</summary>
    private static string? Language(MimeMessage mail) => mail.Body?.Headers["Content-Language"];

    private static async Task<string> AskAsync(ILocator find, string email, string language)
    {
        var answer = find.GetByTestId("find-answer");
        await find.GetByRole(AriaRole.Textbox).FillAsync(email);
        await find.GetByRole(AriaRole.Button, new() { Name = language == "en" ? "Send me the link" : "M’envoyer le lien" }).ClickAsync();
        await Expect(answer).ToBeVisibleAsync();
        await Expect(answer).ToContainTextAsync(language == "en" ? "If this address is registered" : "Si cette adresse est inscrite");
        var text = await answer.TextContentAsync() ?? "";
        await find.Page.EvaluateAsync("() => { const a = document.querySelector('[data-testid=find-answer]'); a.hidden = true; a.textContent = ''; }");
        return text;
    }

    private static async Task FillRegistrationAsync(IPage page, string email, string submit)
    {
        var form = page.GetByTestId("registration-form");
        await form.Locator("#organisation").FillAsync("Ferme Beauséjour");
        await form.Locator("#contactName").FillAsync("Claire Beauséjour");
        await form.Locator("#email").FillAsync(email);
        await form.Locator("#sector").FillAsync("Agriculture");
        await form.Locator("input[name=consent]").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
    }

    private static Uri ManageLink(MimeMessage mail) => new(LinkPattern().Match(mail.TextBody ?? "").Value);

    [GeneratedRegex(@"https?://\S+/workshops/manage\.html\S+")]
    private static partial Regex LinkPattern();

    private async Task<Guid> CreateSessionAsync()
    {
        using var api = await fixture.OrganiserApiAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var response = await api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Recruter à l’international", titleEn = "Recruiting abroad", startsAt = starts, endsAt = starts.AddHours(2),
            place = "Maison de la culture, Joliette", capacity = 10,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Registers in French through the API; returns the code as printed ("K7QM-4TZP").</summary>
    private async Task<string> RegisterThroughApiAsync(Guid session, string email)
    {
        using var api = fixture.CreateApiClient();
        var response = await api.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Ferme Beauséjour", contactName = "Claire Beauséjour", email, seats = 1, sector = "Agriculture", consent = true,
            language = "fr",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
