namespace Collaboration.Browser.Tests.Shell;

/// <summary>
/// The phone header comes from the server at its final size (one row), so nothing moves when the scripts run; with
/// scripts off its menu is open and there is no live status saying "Connexion…" for ever.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneHeaderTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/workshops/")]
    public async Task PhoneHeader_IsOneRowBeforeAndAfterTheScripts_AndNothingShifts(string path)
    {
        // Arrange: the scripts held back until the server's page is measured.
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone));
        var page = session.Page;
        var scripts = new TaskCompletionSource();
        await page.RouteAsync("**/dist/app.js", async route =>
        {
            await scripts.Task;
            await route.ContinueAsync();
        });
        await page.AddInitScriptAsync("""
            window.__shifts = 0;
            new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
              .observe({ type: 'layout-shift', buffered: true });
            """);

        // Act: the server's header, then the same page once its scripts ran.
        // Module scripts run before DOMContentLoaded: the page is measured once its styles are in, scripts still held.
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.querySelector('.site-footer') && [...document.styleSheets].some((s) => s.href?.endsWith('/app.css'))");
        var before = await page.EvaluateAsync<double>("() => document.querySelector('.site-header').getBoundingClientRect().height");
        scripts.SetResult();
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        await page.Locator("[data-shell-header][data-menu-wired]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var after = await page.EvaluateAsync<double>("() => document.querySelector('.site-header').getBoundingClientRect().height");
        var shifts = await page.EvaluateAsync<double>("() => window.__shifts");

        // Assert
        Assert.True(before <= 80, $"the server's header is {before}px tall on a phone");
        Assert.Equal(before, after, 1);
        Assert.True(shifts < 0.01, $"layout shift {shifts}");
    }

    [Fact]
    public async Task WithScriptsOff_ThePhoneMenuIsOpen_AndNoLiveStatusShows()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone, new() { JavaScriptEnabled = false }));

        // Act
        await session.Page.GotoAsync("/");

        // Assert
        await Expect(session.ConnectionState).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("menu-button")).ToBeHiddenAsync();
        await Expect(session.Page.GetByTestId("site-nav").GetByRole(AriaRole.Link, new() { Name = "Ateliers" })).ToBeVisibleAsync();
        await Expect(session.Page.GetByTestId("language-switch")).ToBeVisibleAsync();
    }
}
