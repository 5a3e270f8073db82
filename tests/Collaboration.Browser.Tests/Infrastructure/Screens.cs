namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>The two sizes the browser tests run at, by name (a theory's data), and signing in through the page.</summary>
public static class Screens
{
    public const string Desktop = "desktop";
    public const string Phone = "phone";

    public static BrowserNewContextOptions Options(string screen) => screen == Phone
        ? new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true }
        : new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    /// <summary>Signs the bootstrap organiser in on the login page, then opens <paramref name="path"/>.</summary>
    public static async Task SignInAsOrganiserAsync(this BrowserSession session, string path)
    {
        var page = session.Page;
        await page.GotoAsync($"/login.html?returnUrl={Uri.EscapeDataString(path)}");
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
    }

    /// <summary>Fails when the page is wider than the screen (scrolls sideways).</summary>
    public static async Task AssertNoSidewaysScrollAsync(this BrowserSession session, string screen)
    {
        var width = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var viewport = Options(screen).ViewportSize!.Width;
        Assert.True(width <= viewport, $"the page scrolls sideways at {viewport}px ({width}px wide)");
    }
}
