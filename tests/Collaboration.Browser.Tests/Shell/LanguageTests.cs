namespace Collaboration.Browser.Tests.Shell;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_AndRemembersIt()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/");
        var html = page.Locator("html");
        var languageSwitch = page.GetByTestId("language-switch");
        await Expect(html).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "S'établir dans Lanaudière" })).ToBeVisibleAsync();
        await Expect(languageSwitch).ToHaveTextAsync("English");

        // Act
        await languageSwitch.ClickAsync();

        // Assert
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settling in Lanaudière" })).ToBeVisibleAsync();
        await Expect(languageSwitch).ToHaveTextAsync("Français");
        await Expect(page).ToHaveTitleAsync("Lanaudière, a place to settle — regional immigration portal");
        await Expect(session.ConnectionState).ToHaveTextAsync("Live updates: Online", new() { Timeout = Timeouts.Ui });

        // Act: another page, later
        await page.GotoAsync("/login.html");

        // Assert
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();

        // Act: back to French
        await languageSwitch.ClickAsync();

        // Assert
        await Expect(html).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion", Level = 1 })).ToBeVisibleAsync();
    }
}
