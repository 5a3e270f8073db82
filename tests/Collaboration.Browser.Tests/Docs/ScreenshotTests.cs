namespace Collaboration.Browser.Tests.Docs;

/// <summary>
/// The main pages at desktop and phone sizes: they fit the screen (no sideways scrolling) and, on a phone,
/// the header is one row. Each is photographed into docs/screenshots/ when SCREENSHOTS_DIR is set
/// (docs/screenshots/refresh.sh), else into a temporary folder.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string> MainPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "home", "workshops", "workshop-session", "meetings", "meeting", "minutes", "workshops-admin", "colloque", "colloque-dashboard", "colloque-desk" })
        {
            data.Add(page, Viewports.Desktop);
            data.Add(page, Viewports.Phone);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task MainPage_FitsTheScreen_AndIsPhotographed(string name, string viewport)
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        await SamplePages.OpenAsync(session, samples[name]);
        var page = session.Page;

        // Act
        var folder = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Directory.CreateTempSubdirectory("concertation-screenshots-").FullName;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}-{viewport}.png");
        await page.ScreenshotAsync(new() { Path = file, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });

        // Assert
        var width = page.ViewportSize!.Width;
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name} scrolls sideways at {width}px ({scrollWidth}px)");
        if (viewport == Viewports.Phone)
        {
            var header = await page.Locator("header.site-header").BoundingBoxAsync();
            Assert.True(header!.Height <= 80, $"{name}: the phone header is {header.Height}px high");
        }
        Assert.True(new FileInfo(file).Length > 0);
    }
}
