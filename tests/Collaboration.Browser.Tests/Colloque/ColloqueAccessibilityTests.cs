using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

[Collection(BrowserCollection.Name)]
public sealed class ColloqueAccessibilityTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task DeskPage_WithAResult_HasNoSeriousAccessibilityViolations(string language)
    {
        // Arrange: a paired desk that has just refused an unknown code.
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })
            .WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "A11y", date = "2026-11-26", venue = "Rimouski" }).WaitAsync(Timeouts.Http);
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var desk = await api.PostAsJsonAsync($"/api/colloques/{colloque}/desks", new { name = "Accueil" }).WaitAsync(Timeouts.Http);
        var pairingCode = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pairingCode").GetString()!;
        await using var session = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        var page = session.Page;
        await page.GotoAsync("/colloque-desk.html");
        await page.GetByLabel("Code de jumelage").FillAsync(pairingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Jumeler" }).ClickAsync();
        if (language == "en") await page.GetByTestId("language-switch").ClickAsync();
        await page.GetByTestId("scan-input").FillAsync("NOPE1234");
        await page.GetByTestId("scan-input").PressAsync("Enter");
        await Expect(page.GetByTestId("scan-result")).ToHaveAttributeAsync("data-result", "unknown", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language, new() { Timeout = Timeouts.Ui });

        // Act
        var violations = await Axe.SeriousViolationsAsync(page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
