using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>Two desks and the dashboard in three browsers: live arrivals everywhere, and a desk that goes offline.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckInDeskTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private sealed record Arranged(Guid Colloque, string[] Codes, string Desk1Code, string Desk2Code);

    private async Task<Arranged> ArrangeAsync()
    {
        using var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })
            .WaitAsync(Timeouts.Http)).EnsureSuccessStatusCode();
        var created = await api.PostAsJsonAsync("/api/colloques", new { title = "Colloque test", date = "2026-11-26", venue = "Rimouski" }).WaitAsync(Timeouts.Http);
        var colloque = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var names = new[] { "Hélène Gagnon", "Marc Tremblay", "Amina Diallo", "Luc Côté", "Sophie Roy" };
        var codes = new List<string>();
        foreach (var name in names)
        {
            var r = await api.PostAsJsonAsync($"/api/colloques/{colloque}/registrations", new { name, organisation = "Org", category = "institution" }).WaitAsync(Timeouts.Http);
            codes.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!);
        }
        async Task<string> DeskAsync(string name)
        {
            var r = await api.PostAsJsonAsync($"/api/colloques/{colloque}/desks", new { name }).WaitAsync(Timeouts.Http);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pairingCode").GetString()!;
        }
        return new(colloque, [.. codes], await DeskAsync("Accueil 1"), await DeskAsync("Accueil 2"));
    }

    private async Task<BrowserSession> OpenDeskAsync(string pairingCode)
    {
        var session = await fixture.NewSessionAsync(output);
        await session.Page.GotoAsync("/colloque-desk.html");
        await session.Page.GetByLabel("Code de jumelage").FillAsync(pairingCode);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Jumeler" }).ClickAsync();
        await Expect(session.Page.Locator("[data-list-count]")).ToHaveTextAsync("Liste locale : 5 personnes", new() { Timeout = Timeouts.Ui });
        await Expect(session.Page.Locator("[data-testid=desk-connection]")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = Timeouts.Ui });
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Timeouts.Ui });
        return session;
    }

    private static async Task ScanAsync(IPage desk, string code)
    {
        await desk.GetByTestId("scan-input").FillAsync(code);
        await desk.GetByTestId("scan-input").PressAsync("Enter");
    }

    [Fact]
    public async Task ScanAtDesk1_ShowsOnDesk2AndDashboard_AndAnOfflineDeskReconcilesWithOneConflict()
    {
        // Arrange: two paired desks and the organiser's dashboard, three browsers.
        var arranged = await ArrangeAsync();
        var codes = arranged.Codes;
        await using var desk1 = await OpenDeskAsync(arranged.Desk1Code);
        await using var desk2 = await OpenDeskAsync(arranged.Desk2Code);
        await using var dashboard = await fixture.NewSessionAsync(output);
        await dashboard.Page.GotoAsync("/login.html");
        await dashboard.Page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await dashboard.Page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await dashboard.Page.WaitForURLAsync("**/meetings.html");
        await dashboard.Page.GotoAsync($"/colloque-dashboard.html?id={arranged.Colloque}");
        await Expect(dashboard.Page.GetByTestId("waiting-count")).ToHaveTextAsync("5", new() { Timeout = Timeouts.Ui });

        // Act 1: desk 1 scans a badge.
        await ScanAsync(desk1.Page, codes[0]);

        // Assert 1: green at desk 1; desk 2 and the dashboard see it without reloading.
        await Expect(desk1.Page.GetByTestId("scan-result")).ToHaveAttributeAsync("data-result", "checkedIn", new() { Timeout = Timeouts.Ui });
        await Expect(desk1.Page.GetByTestId("scan-result")).ToContainTextAsync("Hélène Gagnon", new() { Timeout = Timeouts.Ui });
        await Expect(desk2.Page.Locator($"[data-testid=arrivals] [data-code='{codes[0]}']")).ToContainTextAsync("Hélène Gagnon", new() { Timeout = Timeouts.Ui });
        await Expect(dashboard.Page.GetByTestId("arrived-total")).ToHaveAttributeAsync("data-arrived", "1", new() { Timeout = Timeouts.Ui });
        await Expect(dashboard.Page.Locator($"[data-testid=recent-arrivals] [data-code='{codes[0]}']")).ToBeVisibleAsync(new() { Timeout = Timeouts.Ui });
        await Expect(dashboard.Page.GetByTestId("waiting-count")).ToHaveTextAsync("4", new() { Timeout = Timeouts.Ui });
        await Expect(dashboard.Page.Locator("[data-testid=chart] rect.chart__bar")).ToHaveCountAsync(1, new() { Timeout = Timeouts.Ui });

        // Act 2: desk 2 goes offline; meanwhile desk 1 admits badge 1; desk 2 scans badges 1, 2 and 3.
        await desk2.Context.SetOfflineAsync(true);
        await Expect(desk2.Page.GetByTestId("desk-connection")).ToHaveAttributeAsync("data-state", "offline", new() { Timeout = Timeouts.Ui });
        await ScanAsync(desk1.Page, codes[1]);
        await Expect(desk1.Page.GetByTestId("scan-result")).ToContainTextAsync("Marc Tremblay", new() { Timeout = Timeouts.Ui });
        await Expect(desk1.Page.GetByTestId("scan-result")).ToHaveAttributeAsync("data-result", "checkedIn", new() { Timeout = Timeouts.Ui });
        foreach (var code in codes[1..4])
        {
            await ScanAsync(desk2.Page, code);
            await Expect(desk2.Page.GetByTestId("scan-result")).ToHaveAttributeAsync("data-result", "checkedIn", new() { Timeout = Timeouts.Ui });
            await Expect(desk2.Page.GetByTestId("scan-result")).ToContainTextAsync("Hors ligne", new() { Timeout = Timeouts.Ui });
        }
        await Expect(desk2.Page.GetByTestId("pending-count")).ToHaveAttributeAsync("data-count", "3", new() { Timeout = Timeouts.Ui });

        // Act 3: desk 2 is back.
        await desk2.Context.SetOfflineAsync(false);

        // Assert 3: two admitted, one conflict naming desk 1; nothing left in the queue; one check-in per badge.
        await Expect(desk2.Page.GetByTestId("sync-report")).ToContainTextAsync("2 admission(s) confirmée(s), 1 conflit(s)", new() { Timeout = Timeouts.Reconnect });
        await Expect(desk2.Page.GetByTestId("conflict")).ToHaveCountAsync(1, new() { Timeout = Timeouts.Ui });
        await Expect(desk2.Page.GetByTestId("conflict")).ToContainTextAsync("Marc Tremblay", new() { Timeout = Timeouts.Ui });
        await Expect(desk2.Page.GetByTestId("conflict")).ToContainTextAsync("Accueil 1", new() { Timeout = Timeouts.Ui });
        await Expect(desk2.Page.GetByTestId("pending-count")).ToHaveAttributeAsync("data-count", "0", new() { Timeout = Timeouts.Ui });
        await Expect(desk2.Page.GetByTestId("desk-connection")).ToHaveAttributeAsync("data-state", "online", new() { Timeout = Timeouts.Ui });
        await Expect(dashboard.Page.GetByTestId("arrived-total")).ToHaveAttributeAsync("data-arrived", "4", new() { Timeout = Timeouts.Ui });
        // the two desks, and the organisers' own "Organisation" desk
        await Expect(dashboard.Page.Locator("[data-testid=by-desk] [data-count]")).ToHaveCountAsync(3, new() { Timeout = Timeouts.Ui });
        await Expect(dashboard.Page.GetByTestId("waiting-count")).ToHaveTextAsync("1", new() { Timeout = Timeouts.Ui });
    }
}
