using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;

namespace Collaboration.Browser.Tests.Mail;

/// <summary>
/// A Table member has no password: on another device, or with a used link, they ask for a new sign-in link
/// by email themselves, and a stranger typing an address learns nothing.
/// </summary>
[Collection(MailBrowserCollection.Name)]
public sealed partial class MemberSignInLinkBrowserTests(MailBrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Viewports.Phone, "fr")]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Phone, "en")]
    [InlineData(Viewports.Desktop, "en")]
    public async Task Member_OpeningAUsedLink_AsksForANewOne_AndSignsInWithIt(string viewport, string language)
    {
        // Arrange: a member whose link was used on their first device.
        using var api = await fixture.OrganiserApiAsync();
        var table = await CreateTableAsync(api, $"Table de Montcalm {Guid.NewGuid():N}"[..26]);
        var email = $"sylvie-{Guid.NewGuid():N}@exemple.qc.ca";
        var used = await AddMemberAsync(api, table, "Sylvie Marion", email);
        (await fixture.CreateApiClient().PostAsJsonAsync("/api/tables/sign-in", new { token = used })).EnsureSuccessStatusCode();
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        var page = browser.Page;
        await page.GotoAsync($"/login.html?lang={language}");

        // Act: the used link on another device.
        await page.GotoAsync($"/join.html#t={used}");

        // Assert: one plain message, and the way forward right there.
        await Expect(page.GetByTestId("join-status")).ToHaveTextAsync(language == "en"
            ? "This link is no longer valid. Get a new link by email."
            : "Ce lien n'est plus valide. Recevez un nouveau lien par courriel.");
        var form = page.GetByTestId("sign-in-link-form");
        await Expect(form).ToBeVisibleAsync();

        // Act: the member asks, then a stranger asks for an unknown address.
        var mine = await AskAsync(form, email, language);
        var stranger = await AskAsync(form, $"personne-{Guid.NewGuid():N}@exemple.qc.ca", language);

        // Assert: the same answer; the link reaches the member only; it signs them in.
        Assert.Equal(mine, stranger);
        var mail = await fixture.ReceivedAsync(email, "Nouveau lien de connexion", Timeout);
        await Viewports.AssertFitsAsync(page, viewport);
        var link = new Uri(SignInLink().Match(mail.TextBody ?? "").Value);
        await page.GotoAsync("/"); // from another page: a link to the same page differing by its fragment would not load it
        await page.GotoAsync(link.PathAndQuery + link.Fragment);
        await page.WaitForURLAsync(url => url.Contains($"/meetings.html?table={table}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoginPage_OffersMembersALinkByEmail()
    {
        // Arrange
        using var api = await fixture.OrganiserApiAsync();
        var table = await CreateTableAsync(api, $"Table de D'Autray {Guid.NewGuid():N}"[..26]);
        var email = $"marc-{Guid.NewGuid():N}@exemple.qc.ca";
        await AddMemberAsync(api, table, "Marc Ferland", email);
        await using var browser = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone));

        // Act: signed out, the member lands on the login page (from a meeting link) and asks for a link.
        await browser.Page.GotoAsync("/login.html?returnUrl=%2Fmeetings.html");
        await AskAsync(browser.Page.GetByTestId("sign-in-link-form"), email, "fr");

        // Assert
        var mail = await fixture.ReceivedAsync(email, "Nouveau lien de connexion", Timeout);
        Assert.Contains("/join.html#t=", mail.TextBody);
        await Viewports.AssertFitsAsync(browser.Page, Viewports.Phone);
    }

    private static async Task<string> AskAsync(ILocator form, string email, string language)
    {
        var answer = form.GetByTestId("sign-in-link-answer");
        await form.GetByRole(AriaRole.Textbox).FillAsync(email);
        await form.GetByRole(AriaRole.Button, new() { Name = language == "en" ? "Send me a link" : "M’envoyer un lien" }).ClickAsync();
        await Expect(answer).ToContainTextAsync(language == "en" ? "If this address is a member’s" : "Si cette adresse est celle d’un membre");
        var text = await answer.TextContentAsync() ?? "";
        await form.Page.EvaluateAsync("() => { const a = document.querySelector('[data-testid=sign-in-link-answer]'); a.hidden = true; a.textContent = ''; }");
        return text;
    }

    [GeneratedRegex(@"https?://\S+/join\.html#t=\S+")]
    private static partial Regex SignInLink();

    private static async Task<Guid> CreateTableAsync(HttpClient api, string name) =>
        (await (await api.PostAsJsonAsync("/api/tables", new { name, quorum = 1 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    /// <summary>Adds the member; returns the token of the link the organiser's answer carries.</summary>
    private static async Task<string> AddMemberAsync(HttpClient api, Guid table, string name, string email)
    {
        var response = await api.PostAsJsonAsync($"/api/tables/{table}/members",
            new { name, organisation = "Carrefour jeunesse-emploi", sector = "communautaire", email, role = "member" });
        response.EnsureSuccessStatusCode();
        var link = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signInLink").GetString()!;
        return link[(link.IndexOf("#t=", StringComparison.Ordinal) + 3)..];
    }
}
