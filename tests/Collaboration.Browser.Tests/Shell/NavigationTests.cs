using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Shell;

/// <summary>Issue 12, item 4: one header with the areas the person may use, the current one marked; one row on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class NavigationTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Organiser_MovesBetweenAreas_FromTheHeader_WithTheCurrentOneMarked(string viewport)
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        await SamplePages.OpenAsync(session, samples["colloque-dashboard"]);
        var nav = session.Page.GetByTestId("site-nav");

        // Act
        await session.OpenMenuIfFoldedAsync();

        // Assert
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Table régionale", "Ateliers", "Gestion des ateliers", "Colloque", "Accueil du colloque"]);
        await Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync(["Colloque"]);

        // Act: to the workshops admin, then to the desk, from the header each time
        await nav.GetByRole(AriaRole.Link, new() { Name = "Gestion des ateliers" }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new Regex("/workshops/admin\\.html$"));
        await session.OpenMenuIfFoldedAsync();
        await Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync(["Gestion des ateliers"]);
        await nav.GetByRole(AriaRole.Link, new() { Name = "Accueil du colloque" }).ClickAsync();

        // Assert
        await Expect(session.Page).ToHaveURLAsync(new Regex("/colloque-desk\\.html$"));
        await session.OpenMenuIfFoldedAsync();
        await Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync(["Accueil du colloque"]);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Visitor_SeesThePublicAreas_AndASignInLink(string viewport)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        await session.Page.GotoAsync("/workshops/");

        // Act
        await session.OpenMenuIfFoldedAsync();

        // Assert
        var nav = session.Page.GetByTestId("site-nav");
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Ateliers"]);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Ateliers" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(session.Page.GetByTestId("login-link")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhone_TheHeaderIsOneRow_AndItsMenuWorksWithTheKeyboard()
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(Viewports.Phone));
        await SamplePages.OpenAsync(session, samples["meeting"]);
        var page = session.Page;
        var button = page.GetByTestId("menu-button");
        var nav = page.GetByTestId("site-nav");
        await Expect(button).ToBeVisibleAsync();

        // Assert: one row, the menu folded
        var header = await page.Locator("header.site-header").BoundingBoxAsync();
        var brand = await page.Locator(".brand").BoundingBoxAsync();
        var buttonBox = await button.BoundingBoxAsync();
        Assert.True(header!.Height <= 80, $"the phone header is {header.Height}px high");
        Assert.True(Math.Abs(brand!.Y + brand.Height / 2 - (buttonBox!.Y + buttonBox.Height / 2)) < 8, "the brand and the menu button are not on one row");
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(nav).ToBeHiddenAsync();

        // Act: open with the keyboard
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Table régionale" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByTestId("language-switch")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(nav.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();

        // Act: Escape folds it and gives the focus back to the button
        await page.Keyboard.PressAsync("Escape");

        // Assert
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(button).ToBeFocusedAsync();
        await Expect(nav).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task MinutesBackLink_GoesToTheTablesMeetings(string viewport)
    {
        // Arrange
        var samples = await fixture.SamplePagesAsync();
        await using var session = await fixture.NewSessionAsync(output, Viewports.Options(viewport));
        await SamplePages.OpenAsync(session, samples["minutes"]);

        // Act
        await session.Page.GetByRole(AriaRole.Link, new() { Name = "← Rencontres de la table" }).ClickAsync();

        // Assert
        await Expect(session.Page).ToHaveURLAsync(new Regex("/meetings\\.html\\?table="));
        await Expect(session.Page.GetByTestId("meetings")).ToContainTextAsync("Rencontre d’octobre");
    }
}
