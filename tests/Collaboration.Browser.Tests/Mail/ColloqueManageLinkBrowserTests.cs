using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Collaboration.Browser.Tests.Mail;

/// <summary>
/// The colloque's public form as people fill it (every visible field, nothing chosen for them, the spam trap out of
/// sight), and its privacy: an address already registered learns nothing (its manage link goes to it), and
/// "Retrouver mon inscription" answers any address the same way; the emails follow the page's language.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed partial class ColloqueManageLinkBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Phone, "en")]
    public async Task EveryVisibleFieldFilled_Registers_ThenTheSameAddressAgainShowsNoCode_AndFindingItMailsTheLink(string viewport, string language)
    {
        // Arrange: a colloque open for registration, with an atelier.
        var (colloque, atelier) = await CreateColloqueAsync();
        var email = $"colloque-{Guid.NewGuid():N}@exemple.qc.ca";
        var unknown = $"inconnu-{Guid.NewGuid():N}@exemple.qc.ca";
        var en = language == "en";
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        var page = browser.Page;
        await page.GotoAsync($"/colloque/{colloque}?lang={language}");
        var form = page.GetByTestId("signup-form");
        await Expect(form.Locator("#category option")).Not.ToHaveCountAsync(0, new() { Timeout = Timeouts.Ui });

        // Assert: nothing chosen for the person, and the spam trap out of sight.
        Assert.Equal("", await form.Locator("#category").InputValueAsync());
        Assert.Equal("", await form.Locator("#mrc").InputValueAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#website').getBoundingClientRect().right <= 0"),
            "the spam trap is on screen");

        // Act: every visible field, as a person fills it.
        await form.GetByLabel(en ? "Name" : "Nom", new() { Exact = true }).FillAsync("Mélanie Côté");
        await form.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Fromagerie du Village");
        await form.GetByLabel(en ? "Email" : "Courriel", new() { Exact = true }).FillAsync(email);
        await form.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = en ? "Employer" : "Employeur" });
        await form.Locator("#mrc").SelectOptionAsync(new SelectOptionValue { Value = "matawinie" });
        await form.GetByTestId("choices").Locator($"input[type=radio][value='{atelier}']").CheckAsync();
        await form.Locator("#accessibility").FillAsync(en ? "Wheelchair access" : "Accès en fauteuil roulant");
        await form.Locator("#dietary").FillAsync(en ? "Vegetarian" : "Végétarien");
        await form.Locator("#consent").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = en ? "Register" : "M’inscrire" }).ClickAsync();

        // Assert: registered; the confirmation in the page's language only.
        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync(en ? "Registration confirmed" : "Inscription confirmée", new() { Timeout = Timeouts.Ui });
        var code = (await page.GetByTestId("signup-code").TextContentAsync())!;
        var confirmation = await fixture.ReceivedAsync(email, en ? "Registration confirmed" : "Inscription confirmée", Timeout);
        Assert.Equal(language, confirmation.Body?.Headers["Content-Language"]);

        // Act: someone types the same address in the form (a fresh page).
        await page.GotoAsync($"/colloque/{colloque}?lang={language}");
        await Expect(form.Locator("#category option")).Not.ToHaveCountAsync(0, new() { Timeout = Timeouts.Ui });
        await form.Locator("#name").FillAsync("Quelqu'un d'autre");
        await form.Locator("#organisation").FillAsync("Ailleurs");
        await form.Locator("#email").FillAsync(email);
        await form.Locator("#category").SelectOptionAsync("other");
        await form.Locator("#mrc").SelectOptionAsync("joliette");
        await form.Locator("#consent").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = en ? "Register" : "M’inscrire" }).ClickAsync();

        // Assert: no code anywhere; the address's owner gets the link.
        await Expect(page.GetByTestId("already")).ToContainTextAsync(en ? "If this address is already registered" : "Si cette adresse est déjà inscrite", new() { Timeout = Timeouts.Ui });
        Assert.DoesNotContain(code, await page.ContentAsync());
        var link = await fixture.ReceivedAsync(email, en ? "Your registration link" : "Votre lien d'inscription", Timeout);

        // Act: "find my registration", for the known address and an unknown one.
        var find = page.GetByTestId("find-form");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = en ? "Find my registration" : "Retrouver mon inscription" })).ToBeVisibleAsync();
        var knownAnswer = await AskAsync(find, email, en);
        var unknownAnswer = await AskAsync(find, unknown, en);

        // Assert: one answer for both, and nothing to the unknown address; the emailed link opens the registration.
        Assert.Equal(knownAnswer, unknownAnswer);
        Assert.DoesNotContain(fixture.Smtp.Received, m => m.To.Mailboxes.Single().Address == unknown);
        await Viewports.AssertFitsAsync(page, viewport);
        var manage = new Uri(LinkPattern().Match(link.TextBody ?? "").Value);
        await page.GotoAsync(manage.PathAndQuery + manage.Fragment);
        await Expect(page.GetByTestId("signup-status")).ToHaveAttributeAsync("data-status", "confirmed", new() { Timeout = Timeouts.Ui });
    }

    private static async Task<string> AskAsync(ILocator find, string email, bool en)
    {
        var answer = find.GetByTestId("find-answer");
        await find.GetByRole(AriaRole.Textbox).FillAsync(email);
        await find.GetByRole(AriaRole.Button, new() { Name = en ? "Send me the link" : "M’envoyer le lien" }).ClickAsync();
        await Expect(answer).ToBeVisibleAsync();
        await Expect(answer).ToContainTextAsync(en ? "If this address is registered" : "Si cette adresse est inscrite");
        var text = await answer.TextContentAsync() ?? "";
        await find.Page.EvaluateAsync("() => { const a = document.querySelector('[data-testid=find-answer]'); a.hidden = true; a.textContent = ''; }");
        return text;
    }

    [GeneratedRegex(@"https?://\S+/colloque/[0-9a-f-]+/manage\?code=\S+")]
    private static partial Regex LinkPattern();

    private async Task<(Guid Colloque, Guid Atelier)> CreateColloqueAsync()
    {
        using var api = await fixture.OrganiserApiAsync();
        var day = DateTimeOffset.UtcNow.Date.AddDays(30).AddHours(13);
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Colloque régional en immigration", date = day.ToString("yyyy-MM-dd"), venue = "Cégep de Joliette" });
        created.EnsureSuccessStatusCode();
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PutAsJsonAsync($"/api/colloques/{colloque}/registration-settings", new
        {
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(20), totalCapacity = 300, categoryCapacity = new { },
        })).EnsureSuccessStatusCode();
        var session = await api.PostAsJsonAsync($"/api/colloques/{colloque}/sessions", new
        {
            titleFr = "Recruter à l'international", titleEn = "Recruiting abroad", kind = "atelier", room = "Salle A",
            startsAt = day.AddHours(1), endsAt = day.AddHours(2), capacity = 25, speakers = Array.Empty<object>(),
        });
        session.EnsureSuccessStatusCode();
        return (colloque, (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid());
    }
}
