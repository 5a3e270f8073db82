using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Partners;

/// <summary>
/// The organisers' page for the partner organisations (/portail/organismes) in Chromium: add one in an MRC, find it
/// under that MRC and in the public directory, see a refused field's reason beside it, edit it, hide it from the
/// portal; in French and English, on a laptop and a phone. Table members and visitors are refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PartnersAdminTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Viewports.Desktop, "fr")]
    [InlineData(Viewports.Phone, "en")]
    public async Task Organiser_AddsEditsAndHidesAnOrganisation_AndThePublicDirectoryFollows(string viewport, string language)
    {
        // Arrange
        var fr = language == "fr";
        var name = $"Carrefour {Guid.NewGuid():N}"[..22];
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        var page = session.Page;
        await session.SignInAsOrganiserAsync($"/portail/organismes?lang={language}");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(fr ? "Organismes partenaires" : "Partner organisations");

        // Act: a new organisation in Joliette, first with a website that is not one
        await page.GetByTestId("new-partner").Locator("summary").ClickAsync();
        var form = page.GetByTestId("new-partner-form");
        await form.GetByLabel(fr ? "Nom" : "Name", new() { Exact = true }).FillAsync(name);
        await form.GetByLabel("MRC", new() { Exact = true }).SelectOptionAsync("joliette");
        await form.GetByLabel(fr ? "Secteur" : "Sector", new() { Exact = true }).SelectOptionAsync("communautaire");
        await form.GetByLabel(fr ? "Francisation" : "French classes").CheckAsync();
        await form.GetByLabel(fr ? "Site web" : "Website", new() { Exact = true }).FillAsync("carrefour-joliette");
        await form.GetByRole(AriaRole.Button, new() { Name = fr ? "Ajouter l'organisme" : "Add the organisation" }).ClickAsync();

        // Assert: the reason beside the field, in the page's language
        var website = form.GetByLabel(fr ? "Site web" : "Website", new() { Exact = true });
        await Expect(website).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator("[data-error-for=website]")).ToHaveTextAsync(fr ? "Entrez une adresse web complète (https://…)." : "Enter a full web address (https://…).");

        // Act: corrected
        await website.FillAsync("https://carrefour-joliette.example");
        await form.GetByRole(AriaRole.Button, new() { Name = fr ? "Ajouter l'organisme" : "Add the organisation" }).ClickAsync();

        // Assert: listed (the page reloads after the save), under Joliette too, published, and in the public directory
        await Expect(page.GetByTestId("partner").Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await page.GetByTestId("mrc-filter").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Joliette") }).ClickAsync();
        var item = page.GetByTestId("partner").Filter(new() { HasText = name });
        await Expect(item).ToHaveAttributeAsync("data-public", "true");
        await Expect(item.GetByTestId("visibility")).ToHaveTextAsync(fr ? "Publié" : "Published");
        await Viewports.AssertFitsAsync(page, viewport);
        using var visitor = fixture.CreateApiClient();
        Assert.Contains(name, await visitor.GetStringAsync("/repertoire?mrc=joliette"));

        // Act: renamed, then hidden from the portal
        await item.Locator("summary").ClickAsync();
        await item.GetByLabel(fr ? "Nom" : "Name", new() { Exact = true }).FillAsync(name + " (Joliette)");
        await item.GetByRole(AriaRole.Button, new() { Name = fr ? "Enregistrer" : "Save" }).ClickAsync();
        var renamed = page.GetByTestId("partner").Filter(new() { HasText = name + " (Joliette)" });
        await Expect(renamed).ToHaveCountAsync(1);
        await renamed.Locator("summary").ClickAsync();
        await renamed.GetByRole(AriaRole.Button, new() { Name = fr ? "Masquer du portail" : "Hide from the portal" }).ClickAsync();

        // Assert: still here, hidden; gone from the public directory and its page
        await Expect(page.GetByTestId("partner").Filter(new() { HasText = name + " (Joliette)" })).ToHaveAttributeAsync("data-public", "false");
        await Expect(page.GetByTestId("partner").Filter(new() { HasText = name }).GetByTestId("visibility")).ToHaveTextAsync(fr ? "Masqué" : "Hidden");
        Assert.DoesNotContain(name, await visitor.GetStringAsync("/repertoire?mrc=joliette"));
    }

    [Fact]
    public async Task PartnersPage_IsRefused_ToATableMember_AndSendsAVisitorToSignIn()
    {
        // Arrange: a table member signed in through their personal link
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var table = await (await api.PostAsJsonAsync("/api/tables", new { name = "Table des partenaires", quorum = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        var member = await (await api.PostAsJsonAsync($"/api/tables/{table.GetProperty("id").GetGuid()}/members",
            new { name = "Louise Picard", organisation = "Ville de Joliette", sector = "municipal", email = "louise@exemple.qc.ca" })).Content.ReadFromJsonAsync<JsonElement>();
        var link = new Uri(member.GetProperty("signInLink").GetString()!);
        await using var memberSession = await fixture.NewSessionAsync(output);
        await memberSession.Page.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(memberSession.Page).ToHaveURLAsync(new Regex("/meetings\\.html"));
        await using var visitorSession = await fixture.NewSessionAsync(output);

        // Act
        await memberSession.Page.GotoAsync("/portail/organismes");
        await visitorSession.Page.GotoAsync("/portail/organismes");

        // Assert
        await Expect(memberSession.Page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(visitorSession.Page).ToHaveURLAsync(new Regex("/login"));
    }

}
