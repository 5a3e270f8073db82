namespace Collaboration.Browser.Tests.Accessibility;

[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task LoginPage_WithAnError_HasNoSeriousAccessibilityViolations()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        var page = session.Page;
        await page.GotoAsync("/login.html");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByTestId("login-error")).Not.ToBeEmptyAsync();

        // Act
        var violations = await Axe.SeriousViolationsAsync(page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
