namespace Collaboration.Browser.Tests.Colloque;

/// <summary>
/// A room's screen is the whole screen (no site header or footer), readable from the back of the room, and before the
/// day says when the colloque begins rather than "now: break".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoomScreenTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1920, 1080, "fr")]
    [InlineData(1280, 720, "en")]
    public async Task BeforeTheDay_TheScreenSaysWhenTheColloqueBegins_FullScreen_InTypeReadableFromTenMetres(int width, int height, string language)
    {
        // Arrange: a colloque thirty days ahead, with its first session in the room.
        var colloque = await ColloqueArrangement.OpenAsync(fixture);
        await colloque.SessionAsync("Mot d'ouverture", "plenary", "Grande salle", 0);
        await using var screen = await fixture.NewSessionAsync(output, new() { ViewportSize = new() { Width = width, Height = height } });
        var page = screen.Page;

        // Act
        await page.GotoAsync($"/colloque/{colloque.Colloque}/screen?room=Grande%20salle&lang={language}");

        // Assert: when it begins, and its first session here; no "now" and no break.
        var day = page.GetByTestId("screen-day");
        await Expect(day).ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("screen-day-text")).ToContainTextAsync(language == "en" ? "The colloque begins on" : "Le colloque commence le");
        await Expect(page.GetByTestId("screen-day-first")).ToContainTextAsync(language == "en" ? "Mot d'ouverture (EN)" : "Mot d'ouverture");
        await Expect(page.GetByTestId("screen-now-section")).ToBeHiddenAsync();
        await Expect(screen.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        // The whole screen is the room's.
        Assert.Equal(0, await page.Locator("header.site-header, footer.site-footer, .skip-link").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth"),
            "the screen scrolls");
        // Every text a person reads from the room is at least 4.5 % of the screen's height (48 px on 1080 lines).
        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(...[...document.querySelectorAll('main h1, main [data-testid=screen-clock], main [data-testid=screen-day] *')]
              .filter((e) => e.textContent.trim() && e.offsetParent !== null)
              .map((e) => parseFloat(getComputedStyle(e).fontSize)))
            """);
        Assert.True(smallest >= height * 0.045 - 0.5, $"the smallest text is {smallest}px on a {height}px screen");
    }
}
