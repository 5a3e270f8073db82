using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Colloque;

/// <summary>
/// Issue 12, item 7: after importing 20 people, the organiser page lists them (sortable, filtered by
/// category, MRC and arrival, with counts, live); the pairing instruction is a link; the organiser's
/// own check-ins count under "Organisation"; the dashboard's totals add up by desk and by category.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendeeListTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Mrcs = ["D'Autray", "Joliette", "L'Assomption", "Matawinie", "Montcalm", "Les Moulins"];
    private static readonly string[] Categories = ["Employeur", "Élu·e", "Organisme communautaire", "Institution", "MRC"];

    [Theory]
    [InlineData(Screens.Desktop)]
    [InlineData(Screens.Phone)]
    public async Task TwentyImported_AreListedFilteredSortedAndCounted_Live_AndTheTotalsAddUp(string screen)
    {
        // Arrange: 20 imported (categories and MRCs in turn: 4 employers, 4 in Joliette…); a paired desk checks in
        // Personne 00 (employer) and 06 (elected official), the organiser Personne 10 (employer)
        using var api = await OrganiserApiAsync();
        var colloqueId = (await PostAsync(api, "/api/colloques", new { title = $"Colloque de Joliette ({screen})", date = "2026-12-03", venue = "Joliette" })).GetProperty("id").GetGuid();
        var csv = "Nom;Organisation;Catégorie;MRC;Courriel\n" + string.Join("\n", Enumerable.Range(0, 20).Select(i =>
            $"Personne {i:00};Organisme {i % 3};{Categories[i % 5]};{Mrcs[i % 6]};p{i}-{screen}@exemple.qc.ca"));
        (await api.PostAsync($"/api/colloques/{colloqueId}/registrations/import?mode=apply",
            new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } })).EnsureSuccessStatusCode();
        var codes = (await api.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloqueId}/attendees")).GetProperty("attendees")
            .EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("code").GetString()!);
        var pairing = (await PostAsync(api, $"/api/colloques/{colloqueId}/desks", new { name = "Accueil A" })).GetProperty("pairingCode").GetString();
        using var desk = fixture.CreateApiClient();
        desk.DefaultRequestHeaders.Add("X-CSRF", "1");
        await PostAsync(desk, "/api/desks/pair", new { pairingCode = pairing });
        await PostAsync(desk, $"/api/colloques/{colloqueId}/checkins", new { code = codes["Personne 00"], nonce = "n0" });
        await PostAsync(desk, $"/api/colloques/{colloqueId}/checkins", new { code = codes["Personne 06"], nonce = "n6" });
        await PostAsync(api, $"/api/colloques/{colloqueId}/checkins", new { code = codes["Personne 10"], nonce = "n10" });

        await using var session = await fixture.NewSessionAsync(output, Screens.Options(screen));
        var page = session.Page;
        await session.SignInAsOrganiserAsync($"/colloque.html?id={colloqueId}");
        var list = page.GetByTestId("attendees");
        var counts = page.GetByTestId("attendee-counts");
        var rows = page.GetByTestId("attendee-row");

        // Assert: all listed, with counts that add up
        await Expect(counts).ToHaveTextAsync("20 inscrit·es : 3 arrivé·es, 17 pas encore · 0 annulée(s) · 20 affiché·es");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(rows.First).ToContainTextAsync("Personne 00");

        // Act + Assert: filters, alone and together, with their counts in the options
        await list.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync("employer");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.Locator("#att-category option[value=employer]")).ToHaveTextAsync("Employeur (2/4 arrivé·es)");
        await list.GetByLabel("Arrivée", new() { Exact = true }).SelectOptionAsync("arrived");
        await Expect(rows).ToHaveCountAsync(2); // Personne 00 and 10
        await list.GetByLabel("Catégorie", new() { Exact = true }).SelectOptionAsync("");
        await list.GetByLabel("Arrivée", new() { Exact = true }).SelectOptionAsync("waiting");
        await list.GetByLabel("MRC", new() { Exact = true }).SelectOptionAsync("joliette");
        await Expect(rows).ToHaveCountAsync(4); // 01, 07, 13 and 19: Joliette, none arrived
        await list.GetByLabel("MRC", new() { Exact = true }).SelectOptionAsync("");
        await list.GetByLabel("Arrivée", new() { Exact = true }).SelectOptionAsync("");

        // Act + Assert: a header sorts (by keyboard here), and says so
        var nameHeader = page.Locator("th[data-sort=name]");
        await nameHeader.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(nameHeader).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(rows.First).ToContainTextAsync("Personne 19");

        // Act + Assert: an arrival elsewhere shows at once; the organiser's own is under "Organisation"
        await PostAsync(desk, $"/api/colloques/{colloqueId}/checkins", new { code = codes["Personne 19"], nonce = "n19" });
        await Expect(counts).ToHaveTextAsync("20 inscrit·es : 4 arrivé·es, 16 pas encore · 0 annulée(s) · 20 affiché·es");
        await Expect(rows.First).ToHaveAttributeAsync("data-arrived", "true");
        await Expect(page.Locator($"[data-testid=attendee-row][data-code=\"{codes["Personne 10"]}\"]")).ToContainTextAsync("Organisation");
        await session.AssertNoSidewaysScrollAsync(screen);

        // Act + Assert: a new desk's pairing instruction is a link to the desk page
        await page.GetByLabel("Nom de l’accueil").FillAsync("Accueil B");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un accueil" }).ClickAsync();
        await Expect(page.GetByTestId("pairing-link")).ToHaveAttributeAsync("href", "/colloque-desk.html");

        // Assert: the dashboard's totals add up by desk (Organisation included) and by category
        await page.GotoAsync($"/colloque-dashboard.html?id={colloqueId}");
        await Expect(page.GetByTestId("arrived-total")).ToHaveAttributeAsync("data-arrived", "4");
        await Expect(page.Locator("[data-testid=by-desk] [data-key=organiser]")).ToHaveAttributeAsync("data-count", "1");
        await Expect(page.Locator("[data-testid=by-desk] [data-key=organiser]")).ToContainTextAsync("Organisation");
        Assert.Equal(4, await SumAsync(page.Locator("[data-testid=by-desk] [data-count]")));
        Assert.Equal(4, await SumAsync(page.Locator("[data-testid=by-category] [data-count]")));
    }

    private static async Task<int> SumAsync(ILocator bars)
    {
        var sum = 0;
        foreach (var bar in await bars.AllAsync()) sum += int.Parse((await bar.GetAttributeAsync("data-count"))!);
        return sum;
    }

    private async Task<HttpClient> OrganiserApiAsync()
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
