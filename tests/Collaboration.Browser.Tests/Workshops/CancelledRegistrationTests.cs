using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Workshops;

/// <summary>
/// Issue 12, item 6: once cancelled, the private page shows the cancellation plainly (no QR, no
/// seats form, no "Annuler"), with a link to register again, whether it was cancelled here or elsewhere.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CancelledRegistrationTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task CancellingOnThePage_ShowsTheCancellationPlainly_WithALinkToRegisterAgain(string screen)
    {
        // Arrange
        var (session, manageUrl) = await RegisteredAsync(screen);
        await using var browser = await fixture.NewSessionAsync(output, Screens.Options(screen));
        var page = browser.Page;
        await page.GotoAsync(manageUrl);
        await Expect(page.Locator("[data-testid=qr] svg")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("seats-form")).ToBeVisibleAsync();

        // Act: cancel with the keyboard, confirming the dialog
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByTestId("cancel-registration").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await AssertCancelledAsync(page, session);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cette inscription est annulée" })).ToBeFocusedAsync();
        await browser.AssertNoSidewaysScrollAsync(screen);
    }

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task ARegistrationCancelledEarlier_OpensAsCancelled_InBothLanguages(string screen)
    {
        // Arrange: cancelled through the API, then the private link opened
        var (session, manageUrl) = await RegisteredAsync(screen);
        using var api = fixture.CreateApiClient();
        var link = new Uri(fixture.BaseUrl, manageUrl);
        var id = Regex.Match(link.Query, "id=([^&]+)").Groups[1].Value;
        var token = Uri.UnescapeDataString(Regex.Match(link.Fragment, "token=([^&]+)").Groups[1].Value);
        using var cancel = new HttpRequestMessage(HttpMethod.Delete, $"/api/registrations/{id}");
        cancel.Headers.Add("X-Manage-Token", token);
        cancel.Headers.Add("X-CSRF", "1");
        (await api.SendAsync(cancel)).EnsureSuccessStatusCode();
        await using var browser = await fixture.NewSessionAsync(output, Screens.Options(screen));

        // Act
        await browser.Page.GotoAsync(manageUrl);

        // Assert
        await AssertCancelledAsync(browser.Page, session);
        await Expect(browser.Page.GetByTestId("cancelled-when")).ToContainTextAsync("Annulée le");
        await browser.SwitchLanguageAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "This registration is cancelled" })).ToBeVisibleAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Register again" })).ToBeVisibleAsync();
    }

    private static async Task AssertCancelledAsync(IPage page, Guid session)
    {
        await Expect(page.GetByTestId("cancelled-notice")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("registration-status")).ToHaveTextAsync("Annulée");
        await Expect(page.GetByTestId("qr")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("seats-form")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("cancel-registration")).ToBeHiddenAsync();
        var again = page.GetByRole(AriaRole.Link, new() { Name = "S’inscrire de nouveau" });
        await Expect(again).ToHaveAttributeAsync("href", $"/workshops/session.html?id={session}");
    }

    private async Task<(Guid Session, string ManageUrl)> RegisteredAsync(string screen)
    {
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var created = await api.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Francisation en milieu de travail", titleEn = "French at work", startsAt = starts, endsAt = starts.AddHours(3),
            place = "Hôtel de ville de Repentigny", capacity = 10,
        });
        created.EnsureSuccessStatusCode();
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var registered = await fixture.CreateApiClient().PostAsJsonAsync($"/api/workshops/{session}/registrations", new
        {
            organisation = "Boulangerie Le Pétrin de Joliette", contactName = "Mélanie Coutu", email = $"melanie-{screen}@exemple.qc.ca",
            seats = 2, sector = "Alimentation", consent = true,
        });
        registered.EnsureSuccessStatusCode();
        return (session, (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("manageUrl").GetString()!);
    }
}
