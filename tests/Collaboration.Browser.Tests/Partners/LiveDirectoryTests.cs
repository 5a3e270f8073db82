using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Partners;

/// <summary>
/// The public directory follows the organisers live (topic partners:default): a visitor's open /repertoire, in a
/// context of its own, shows an organisation added on the organisers' page, a merge and a hiding, without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveDirectoryTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task AVisitorsDirectory_ShowsAnAddition_AMerge_AndAHiding_WithoutReloading()
    {
        // Arrange: a visitor (phone) reads the directory filtered on a word of its own: nothing yet.
        var tag = $"Liv{Guid.NewGuid():N}"[..12];
        await using var visitor = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone));
        await visitor.Page.GotoAsync($"/repertoire?q={tag}");
        await Expect(visitor.Page.GetByTestId("directory-empty")).ToBeVisibleAsync();
        await Expect(visitor.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
        await visitor.Page.EvaluateAsync("() => { window.sameDocument = true; }"); // gone if the page reloads
        await using var organiser = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Desktop));
        await organiser.SignInAsOrganiserAsync("/portail/organismes?lang=fr");
        var page = organiser.Page;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var results = visitor.Page.GetByTestId("directory-item");

        // Act: the organiser adds an organisation on their page.
        await page.GetByTestId("new-partner").Locator("summary").ClickAsync();
        var form = page.GetByTestId("new-partner-form");
        await form.GetByLabel("Nom", new() { Exact = true }).FillAsync($"Maison {tag}");
        await form.GetByLabel("MRC", new() { Exact = true }).SelectOptionAsync("joliette");
        await form.GetByLabel("Secteur", new() { Exact = true }).SelectOptionAsync("communautaire");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'organisme" }).ClickAsync();

        // Assert: the visitor's page shows it.
        await Expect(results.Filter(new() { HasText = $"Maison {tag}" })).ToHaveCountAsync(1);

        // Act: the same organisation entered again (through the API), then merged from the organisers' page.
        using (var api = fixture.CreateApiClient())
        {
            api.DefaultRequestHeaders.Add("X-CSRF", "1");
            (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
            (await api.PostAsJsonAsync("/api/partners", new
            {
                name = $"MAISON {tag}", mrc = "joliette", sector = "communautaire", services = Array.Empty<string>(), languages = new[] { "fr" }, isPublic = true,
            })).EnsureSuccessStatusCode();
        }
        await Expect(results).ToHaveCountAsync(2);
        await page.ReloadAsync();
        var pair = page.GetByTestId("duplicate-pair").Filter(new() { HasText = tag });
        await Expect(pair).ToContainTextAsync("même nom dans la même MRC");
        await pair.GetByRole(AriaRole.Button, new() { Name = $"Garder « Maison {tag} »", Exact = true }).ClickAsync();

        // Assert: one left on the visitor's page, and none on the organisers' duplicates.
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results).ToContainTextAsync($"Maison {tag}");
        await Expect(page.GetByTestId("duplicate-pair").Filter(new() { HasText = tag })).ToHaveCountAsync(0);

        // Act: hidden from the portal.
        var item = page.GetByTestId("partner").Filter(new() { HasText = $"Maison {tag}" });
        await item.Locator("summary").ClickAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Masquer du portail" }).ClickAsync();

        // Assert: gone from the visitor's page; all without a reload.
        await Expect(visitor.Page.GetByTestId("directory-empty")).ToBeVisibleAsync();
        Assert.True(await visitor.Page.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }
}
