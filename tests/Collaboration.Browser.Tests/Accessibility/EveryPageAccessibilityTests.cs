namespace Collaboration.Browser.Tests.Accessibility;

/// <summary>axe-core finds nothing serious or critical on any page, in French or in English, with content on it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageAccessibilityTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string, string, string> Pages()
    {
        string[] pages = ["home", "login", "join", "meetings", "meeting", "minutes", "workshops", "workshop-session", "workshop-manage",
            "workshops-admin", "colloque", "colloque-dashboard", "colloque-desk", "colloque-badge"];
        var data = new TheoryData<string, string, string>();
        foreach (var page in pages)
        {
            data.Add(page, "fr", Viewports.Desktop);
            data.Add(page, "en", Viewports.Desktop);
        }
        // The phone header with its menu open.
        data.Add("home", "fr", Viewports.Phone);
        data.Add("meeting", "en", Viewports.Phone);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousOrCriticalViolations(string name, string language, string viewport)
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport, new() { BypassCSP = true }));
        await SamplePages.OpenAsync(session, samples[name]);
        if (language == "en") await session.SwitchLanguageAsync();
        await session.OpenMenuIfFoldedAsync();
        await Expect(session.Page.Locator("html")).ToHaveAttributeAsync("lang", language);

        // Act
        var violations = await Axe.SeriousViolationsAsync(session.Page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
