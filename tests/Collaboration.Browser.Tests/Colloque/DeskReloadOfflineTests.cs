using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

[Collection(BrowserCollection.Name)]
public sealed class DeskReloadOfflineTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Desk_ReloadedWhileOffline_StillOpens_WithItsListAndQueuedScans()
    {
        // Arrange: a paired desk with one attendee, its page kept by the service worker.
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })
            .WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Hors ligne", date = "2026-11-26", venue = "Rimouski" }).WaitAsync(Timeouts.Http);
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var registration = await api.PostAsJsonAsync($"/api/colloques/{colloque}/registrations", new { name = "Geneviève Ouellet", category = "mrc" }).WaitAsync(Timeouts.Http);
        var code = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var desk = await api.PostAsJsonAsync($"/api/colloques/{colloque}/desks", new { name = "Accueil" }).WaitAsync(Timeouts.Http);
        var pairingCode = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pairingCode").GetString()!;
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/colloque-desk.html");
        await page.GetByLabel("Code de jumelage").FillAsync(pairingCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Jumeler" }).ClickAsync();
        await Expect(page.Locator("[data-list-count]")).ToHaveTextAsync("Liste locale : 1 personnes", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true", new() { Timeout = Timeouts.Ui });

        // Act: offline, one scan, then a reload.
        await session.Context.SetOfflineAsync(true);
        await page.GetByTestId("scan-input").FillAsync(code);
        await page.GetByTestId("scan-input").PressAsync("Enter");
        await Expect(page.GetByTestId("pending-count")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = Timeouts.Ui });
        await page.ReloadAsync();

        // Assert: the desk is back, offline, with its list and its queued scan; back online, the scan is sent.
        await Expect(page.GetByTestId("desk-connection")).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("[data-desk-name]")).ToHaveTextAsync("Accueil", new() { Timeout = Timeouts.Ui });
        await Expect(page.GetByTestId("pending-count")).ToHaveAttributeAsync("data-count", "1", new() { Timeout = Timeouts.Ui });
        await Expect(page.Locator("[data-list-count]")).ToHaveTextAsync("Liste locale : 1 personnes", new() { Timeout = Timeouts.Ui });
        await session.Context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("sync-report")).ToContainTextAsync("1 admission(s) confirmée(s), 0 conflit(s)", new() { Timeout = Timeouts.Reconnect });
    }
}
