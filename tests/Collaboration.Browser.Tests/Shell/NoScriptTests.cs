namespace Collaboration.Browser.Tests.Shell;

/// <summary>Issue 12, item 5: public pages are readable with JavaScript off (text, sessions, navigation).</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoScriptTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task PublicPages_AreReadable_WithoutJavaScript()
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, new() { JavaScriptEnabled = false });
        var page = session.Page;

        // Act
        await page.GotoAsync("/");

        // Assert
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Table régionale" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("workshops-link")).ToHaveTextAsync("Voir les ateliers et s’inscrire");

        // Act: the catalogue, from the header
        await page.GetByTestId("site-nav").GetByRole(AriaRole.Link, new() { Name = "Ateliers" }).ClickAsync();

        // Assert
        var card = page.GetByTestId("workshop-card").Filter(new() { HasText = "Recruter à l’international" });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.GetByTestId("availability")).ToHaveTextAsync("18 places restantes");

        // Act: a session, then the same in English with the language link
        await page.GotoAsync(samples["workshop-session"].Path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recruter à l’international", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("language-switch").ClickAsync();

        // Assert
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recruiting internationally", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-field=when]")).ToContainTextAsync("(Québec time)");
        await Expect(page.GetByLabel("Organisation")).ToBeVisibleAsync();
    }
}
