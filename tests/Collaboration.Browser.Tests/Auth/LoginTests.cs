using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Auth;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Login_WithWrongPassword_ShowsLocalizedError()
    {
        // Arrange: what the server says, in both languages, to a wrong password
        using var api = fixture.CreateApiClient();
        using var refusal = await api.PostAsJsonAsync(
            "/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        var problem = await refusal.Content.ReadFromJsonAsync<JsonElement>();
        var french = LocalizedMessage(problem, "fr");
        var english = LocalizedMessage(problem, "en");

        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/login.html");

        // Act
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // Assert
        var error = page.GetByTestId("login-error");
        await Expect(error).ToHaveTextAsync(french);
        await Expect(error).ToHaveAttributeAsync("role", "alert");
        await Expect(page).ToHaveURLAsync(new Regex("/login\\.html$"));
        await Expect(page.GetByLabel("Mot de passe")).ToBeFocusedAsync();

        // Act
        await page.GetByTestId("language-switch").ClickAsync();

        // Assert
        await Expect(error).ToHaveTextAsync(english);
    }

    [Fact]
    public async Task Login_ThenLogout_ShowsUserInHeader()
    {
        // Arrange
        using var api = fixture.CreateApiClient();
        using var signIn = await api.PostAsJsonAsync(
            "/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword });
        signIn.EnsureSuccessStatusCode();
        var displayName = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString();
        Assert.False(string.IsNullOrWhiteSpace(displayName));

        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/login.html?returnUrl=%2F%3Ffrom%3Dlogin");

        // Act
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/\\?from=login$"));
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync(displayName!);
        await Expect(page.GetByTestId("login-link")).ToHaveCountAsync(0);
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Déconnexion" }).ClickAsync();

        // Assert
        await Expect(page.GetByTestId("login-link")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);
    }

    private static string LocalizedMessage(JsonElement problem, string language) =>
        problem.TryGetProperty("messages", out var messages) && messages.TryGetProperty(language, out var message)
            ? message.GetString()!
            : problem.GetProperty("title").GetString()!;
}
