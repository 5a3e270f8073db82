namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>The two sizes the UI is checked at: a laptop and a phone (390 × 844, touch).</summary>
public static class Viewports
{
    public const string Desktop = "desktop";
    public const string Phone = "phone";

    public static BrowserNewContextOptions Options(string viewport, BrowserNewContextOptions? options = null)
    {
        options ??= new();
        if (viewport == Phone)
        {
            options.ViewportSize = new() { Width = 390, Height = 844 };
            options.IsMobile = true;
            options.HasTouch = true;
        }
        else
        {
            options.ViewportSize = new() { Width = 1280, Height = 800 };
        }
        return options;
    }

    /// <summary>Fails when the page is wider than the viewport (scrolls sideways).</summary>
    public static async Task AssertFitsAsync(IPage page, string viewport)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Options(viewport).ViewportSize!.Width, $"the page scrolls sideways on a {viewport} ({width}px)");
    }
}
