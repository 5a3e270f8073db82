using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Collaboration.Web.Tests.Layout;

/// <summary>
/// The server-side layout (issue 12, item 5): every page comes from the server in one shell, in the
/// request's language, with its text, title and description there before any script runs.
/// </summary>
public sealed class PagesTests(PagesTests.App app) : IClassFixture<PagesTests.App>
{
    /// <summary>One app for the class: the pages only read.</summary>
    public sealed class App : IAsyncLifetime
    {
        public ConcertationFactory Factory { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    /// <summary>Every page, at the address links and e-mails use.</summary>
    public static TheoryData<string> Pages =>
    [
        "/", "/index.html", "/login.html", "/join.html", "/meetings.html", "/meeting.html", "/minutes.html",
        "/workshops/", "/workshops/index.html", "/workshops/session.html", "/workshops/manage.html", "/workshops/admin.html",
        "/colloque.html", "/colloque-dashboard.html", "/colloque-desk.html", "/colloque-badge.html",
        "/repertoire", "/a-propos", "/nouvelles",
    ];

    private readonly ConcertationFactory _app = app.Factory;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_HasTheShell_InFrench_ByDefault(string path)
    {
        // Act
        var page = await GetAsync(_app.CreateClient(), path);

        // Assert
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.Equal("#main", page.QuerySelector("body > a.skip-link")?.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("header.site-header"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.Single(page.QuerySelectorAll("footer.site-footer"));
        Assert.NotNull(page.QuerySelector("[data-testid=site-nav]"));
        // Every translated element was rendered, none shows its raw key.
        var untranslated = page.QuerySelectorAll("[data-i18n]").Where(e => e.TextContent.Trim() == e.GetAttribute("data-i18n") || e.TextContent.Trim().Length == 0);
        Assert.Empty(untranslated.Select(e => e.GetAttribute("data-i18n")));
    }

    [Fact]
    public async Task LangQuery_RendersEnglish_AndTheCookieKeepsIt()
    {
        // Arrange
        var client = _app.CreateClient();

        // Act
        var english = await GetAsync(client, "/workshops/?lang=en");
        var later = await GetAsync(client, "/login.html");
        var back = await GetAsync(client, "/login.html?lang=fr");

        // Assert
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Workshops for employers", english.QuerySelector("h1")?.TextContent);
        Assert.Equal("en", later.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", later.QuerySelector("h1")?.TextContent);
        Assert.Equal("Français", later.QuerySelector("[data-testid=language-switch]")?.TextContent);
        Assert.Equal("/login.html?lang=fr", later.QuerySelector("[data-testid=language-switch]")?.GetAttribute("href"));
        Assert.Equal("fr", back.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Connexion", back.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task LanguageSwitch_KeepsThePagesQuery()
    {
        // Act
        var page = await GetAsync(_app.CreateClient(), "/workshops/session.html?id=abc");

        // Assert
        Assert.Equal("/workshops/session.html?id=abc&lang=en", page.QuerySelector("[data-testid=language-switch]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Header_ShowsPublicAreas_ToVisitors_AndEveryArea_ToOrganisers_WithTheCurrentOneMarked()
    {
        // Act
        var visitor = await GetAsync(_app.CreateClient(), "/workshops/");
        var organiser = await GetAsync(await _app.CreateOrganiserClientAsync(), "/colloque-dashboard.html");

        // Assert
        Assert.Equal(["nav-directory", "nav-workshops"], NavigationIds(visitor));
        Assert.Equal("page", visitor.QuerySelector("[data-testid=nav-workshops]")?.GetAttribute("aria-current"));
        Assert.NotNull(visitor.QuerySelector("[data-testid=login-link]"));
        Assert.Equal(["nav-directory", "nav-table", "nav-board", "nav-workshops", "nav-workshops-admin", "nav-colloque", "nav-desk", "nav-report", "nav-portal-admin"],
            NavigationIds(organiser));
        Assert.Equal(["nav-colloque"], organiser.QuerySelectorAll("[aria-current=page]").Select(e => e.GetAttribute("data-testid")));
        Assert.False(string.IsNullOrWhiteSpace(organiser.QuerySelector("[data-testid=current-user]")?.TextContent));
        Assert.NotNull(organiser.QuerySelector("[data-testid=logout-button]"));
        Assert.Null(organiser.QuerySelector("[data-testid=login-link]"));
    }

    [Fact]
    public async Task WorkshopPages_AreRenderedWithTheirSessions_InQuebecTime()
    {
        // Arrange: 13:30 to 15:30 in Québec (winter: UTC−5)
        var organiser = await _app.CreateOrganiserClientAsync();
        var starts = new DateTimeOffset(2027, 3, 4, 18, 30, 0, TimeSpan.Zero);
        var created = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Accueillir en région", titleEn = "Welcoming in the regions", descriptionFr = "Pour les PME.", descriptionEn = "For small businesses.",
            startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 12,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var visitor = _app.CreateClient();

        // Act
        var catalogue = await GetAsync(visitor, "/workshops/");
        var session = await GetAsync(visitor, $"/workshops/session.html?id={id}");
        var english = await GetAsync(visitor, $"/workshops/session.html?id={id}&lang=en");

        // Assert
        var card = catalogue.QuerySelector($"[data-workshop-id='{id}']");
        Assert.NotNull(card);
        Assert.Equal("Accueillir en région", card.QuerySelector("[data-field=title]")?.TextContent);
        Assert.Equal("jeudi 4 mars 2027, 13 h 30 – 15 h 30 (heure du Québec)", card.QuerySelector("[data-field=when]")?.TextContent);
        Assert.Equal("12 places restantes", card.QuerySelector("[data-testid=availability]")?.TextContent);
        Assert.Equal("Accueillir en région — Concertation", session.Title);
        Assert.Equal("Pour les PME.", session.QuerySelector("[data-field=description]")?.TextContent);
        Assert.False(session.QuerySelector("[data-testid=session]")!.HasAttribute("hidden"));
        Assert.True(session.QuerySelector("[data-testid=session-status]")!.HasAttribute("hidden"));
        Assert.True(catalogue.QuerySelector("[data-testid=catalogue-status]")!.HasAttribute("hidden"));
        Assert.Equal("Thursday, March 4, 2027, 1:30 p.m. – 3:30 p.m. (Québec time)", english.QuerySelector("[data-field=when]")?.TextContent);
        Assert.Equal("12 seats left", english.QuerySelector("[data-testid=availability]")?.TextContent);
    }

    [Fact]
    public async Task SessionPage_ForAnUnknownSession_SaysSo()
    {
        var page = await GetAsync(_app.CreateClient(), $"/workshops/session.html?id={Guid.NewGuid()}");

        Assert.True(page.QuerySelector("[data-testid=session]")!.HasAttribute("hidden"));
        Assert.False(page.QuerySelector("[data-testid=session-status]")!.HasAttribute("hidden"));
        Assert.Equal("Cet atelier est introuvable.", page.QuerySelector("[data-testid=session-status]")?.TextContent);
    }

    private static string[] NavigationIds(IDocument page) =>
        page.QuerySelectorAll("[data-testid=site-nav] a").Select(a => a.GetAttribute("data-testid")!).ToArray();

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
