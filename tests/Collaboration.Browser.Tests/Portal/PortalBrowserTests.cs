using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collaboration.Browser.Tests.Portal;

/// <summary>The public portal, the coordination board and the report in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task PortalContent_IsThere_WithJavaScriptDisabled()
    {
        // Arrange
        using var api = await OrganiserApiAsync();
        var name = $"Maison d'accueil Hélène {Guid.NewGuid():N}"[..32];
        await CreatePartnerAsync(api, name, "montcalm", ["accueil"]);
        await using var session = await fixture.NewSessionAsync(output, new() { JavaScriptEnabled = false });
        var page = session.Page;

        // Act
        await page.GotoAsync("/");
        await page.GetByTestId("directory-query").FillAsync("helene accueil montcalm");
        await page.GetByTestId("directory-form").GetByRole(AriaRole.Button).ClickAsync();

        // Assert: the search ran on the server; the home page had its sections and the map.
        await Expect(page).ToHaveURLAsync(new Regex("/repertoire\\?"));
        await Expect(page.GetByTestId("directory-item").Filter(new() { HasText = name })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("S'établir dans Lanaudière");
        await Expect(page.GetByTestId("upcoming-events")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("map-mrc-montcalm")).ToBeAttachedAsync();
        await Expect(page.Locator("meta[property='og:title']")).ToHaveAttributeAsync("content", new Regex("Lanaudière"));
    }

    [Fact]
    public async Task ClickOnTheMap_FiltersTheDirectory()
    {
        // Arrange: one public partner in Matawinie, one in Les Moulins.
        using var api = await OrganiserApiAsync();
        await CreatePartnerAsync(api, $"Accueil Matawinie {Guid.NewGuid():N}"[..26], "matawinie", ["accueil"]);
        await CreatePartnerAsync(api, $"Accueil Les Moulins {Guid.NewGuid():N}"[..28], "les-moulins", ["accueil"]);
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await page.GotoAsync("/");

        // Act
        await page.GetByTestId("map-mrc-matawinie").ClickAsync();

        // Assert: only Matawinie's organisations, as many as the map said.
        await Expect(page).ToHaveURLAsync(new Regex("/repertoire\\?mrc=matawinie"));
        var items = page.GetByTestId("directory-item");
        await Expect(items.First).ToBeVisibleAsync();
        Assert.All(await items.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.mrc)"), mrc => Assert.Equal("matawinie", mrc));
        var shown = await page.GetByTestId("map-mrc-matawinie").Locator(".mrc-map__count").TextContentAsync();
        Assert.Equal(int.Parse(shown!), await items.CountAsync());
        await Expect(page.GetByTestId("directory-mrc")).ToHaveValueAsync("matawinie");
    }

    [Fact]
    public async Task Board_UpdatesLive_InTwoBrowsers_BothWays()
    {
        // Arrange: a table, a member who owns two items of a meeting; the organiser and the member open the board.
        using var api = await OrganiserApiAsync();
        var tableId = (await PostAsync(api, "/api/tables", new { name = $"Table {Guid.NewGuid():N}"[..14], quorum = 1 })).GetProperty("id").GetGuid();
        var member = await PostAsync(api, $"/api/tables/{tableId}/members", new { name = "Nadia Benali", organisation = "Carrefour", sector = "communautaire", email = $"{Guid.NewGuid():N}@exemple.qc.ca" });
        var memberId = member.GetProperty("memberId").GetGuid();
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title = "Rencontre de suivi", startsAt = DateTimeOffset.UtcNow.ToString("O"), location = "Joliette" })).GetProperty("id").GetGuid();
        var first = $"Relancer les employeurs {Guid.NewGuid():N}"[..30];
        var second = $"Réserver la salle {Guid.NewGuid():N}"[..24];
        foreach (var text in new[] { first, second })
            await PostAsync(api, $"/api/meetings/{meetingId}/action-items", new { text, ownerMemberId = memberId });

        await using var organiserSession = await fixture.NewSessionAsync(output);
        await using var memberSession = await fixture.NewSessionAsync(output);
        var organiser = organiserSession.Page;
        var memberPage = memberSession.Page;
        await SignInAsync(organiser);
        var link = new Uri(member.GetProperty("signInLink").GetString()!);
        await memberPage.GotoAsync(link.PathAndQuery + link.Fragment);
        await Expect(memberPage).ToHaveURLAsync(new Regex("/meetings\\.html"));
        await organiser.GotoAsync($"/coordination?table={tableId}");
        await memberPage.GotoAsync("/coordination");
        foreach (var session in new[] { organiserSession, memberSession })
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
        await Expect(memberPage.GetByTestId("board-item").Filter(new() { HasText = first })).ToBeVisibleAsync();

        // Act 1: the organiser closes the first item.
        await organiser.GetByTestId("board-item").Filter(new() { HasText = first }).GetByTestId("toggle-status").ClickAsync();

        // Assert 1: it leaves the member's open list without a reload.
        await Expect(memberPage.GetByTestId("board-item").Filter(new() { HasText = first })).ToHaveCountAsync(0);
        await Expect(memberPage.GetByTestId("board-item").Filter(new() { HasText = second })).ToBeVisibleAsync();

        // Act 2 and Assert 2: the member closes the second; the organiser's board sees it.
        await memberPage.GetByTestId("board-item").Filter(new() { HasText = second }).GetByTestId("toggle-status").ClickAsync();
        await Expect(organiser.GetByTestId("board-item").Filter(new() { HasText = second })).ToHaveCountAsync(0);
        await Expect(organiser.GetByTestId("board-empty")).ToBeVisibleAsync();
        var meeting = await api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}");
        Assert.All(meeting.GetProperty("meeting").GetProperty("actionItems").EnumerateArray(), a => Assert.Equal("done", a.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/repertoire?q=accueil", false)]
    [InlineData("/a-propos", false)]
    [InlineData("/coordination", true)]
    [InlineData("/rapport", true)]
    [InlineData("/portail/gestion", true)]
    public async Task Page_HasNoSeriousAccessibilityViolations(string path, bool asOrganiser)
    {
        // Arrange
        using var api = await OrganiserApiAsync();
        await CreatePartnerAsync(api, $"Accueil pour tous {Guid.NewGuid():N}"[..25], "joliette", ["accueil", "francisation"]);
        await using var session = await fixture.NewSessionAsync(output, new() { BypassCSP = true });
        if (asOrganiser) await SignInAsync(session.Page);
        await session.Page.GotoAsync(path);
        await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");

        // Act
        var violations = await Axe.SeriousViolationsAsync(session.Page);

        // Assert
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/repertoire?mrc=joliette", false)]
    [InlineData("/coordination", true)]
    [InlineData("/rapport", true)]
    public async Task PhoneLayout_HasNoSidewaysScrolling_AndTheMapFitsTheScreen(string path, bool asOrganiser)
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output, new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        var page = session.Page;
        if (asOrganiser) await SignInAsync(page);

        // Act
        await page.GotoAsync(path);

        // Assert: the page is no wider than the phone (the report's wide table scrolls inside its own box).
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the screen");
        if (path != "/coordination" && path != "/rapport")
        {
            var map = await page.GetByTestId("mrc-map").BoundingBoxAsync();
            Assert.NotNull(map);
            Assert.True(map.Width <= 375, $"the map is {map.Width} px wide");
        }
    }

    [Fact]
    public async Task Organiser_WritesTheAboutPage_InMarkdown_AndThePublicReadsIt()
    {
        // Arrange
        await using var session = await fixture.NewSessionAsync(output);
        var page = session.Page;
        await SignInAsync(page);
        await page.GotoAsync("/portail/gestion");
        var form = page.GetByTestId("about-form");
        var title = $"La démarche {Guid.NewGuid():N}"[..20];

        // Act
        await form.GetByLabel("Titre (français)").FillAsync(title);
        await form.GetByLabel("Titre (anglais)").FillAsync("The initiative");
        await form.GetByLabel("Texte en Markdown (français)").FillAsync("Six MRC, un **partenariat**.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByTestId("about-form").GetByLabel("Titre (français)")).ToHaveValueAsync(title);

        // Assert
        await using var visitor = await fixture.NewSessionAsync(output, new() { JavaScriptEnabled = false });
        await visitor.Page.GotoAsync("/a-propos");
        await Expect(visitor.Page.Locator("main h1")).ToHaveTextAsync(title);
        await Expect(visitor.Page.GetByTestId("about").Locator("strong")).ToHaveTextAsync("partenariat");
    }

    private async Task<HttpClient> OrganiserApiAsync()
    {
        var api = fixture.CreateApiClient();
        api.DefaultRequestHeaders.Add("X-CSRF", "1");
        (await api.PostAsJsonAsync("/api/auth/login", new { email = BrowserAppFixture.OrganiserEmail, password = BrowserAppFixture.OrganiserPassword })).EnsureSuccessStatusCode();
        return api;
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/login.html");
        await page.GetByLabel("Courriel").FillAsync(BrowserAppFixture.OrganiserEmail);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserAppFixture.OrganiserPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/meetings\\.html$"));
    }

    private static Task CreatePartnerAsync(HttpClient api, string name, string mrc, string[] services) =>
        PostAsync(api, "/api/partners", new { name, mrc, sector = "communautaire", services, languages = new[] { "fr" }, isPublic = true });

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
