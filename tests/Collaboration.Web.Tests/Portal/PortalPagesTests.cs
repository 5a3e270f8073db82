using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Portal;

/// <summary>The public portal as the server renders it: everything readable without a script, nothing non-public.</summary>
public sealed class PortalPagesTests : IAsyncLifetime
{
    private const string Hidden = "Cellule confidentielle de Joliette";
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;
    private HttpClient _public = null!;
    private string _hiddenSlug = "";

    public async Task InitializeAsync()
    {
        _organiser = await _app.CreateOrganiserClientAsync();
        _public = _app.CreateClient();
        await CreatePartnerAsync(_organiser, "Carrefour d'intégration de la Matawinie", "matawinie", ["accueil", "francisation"], contactName: "Hélène Roy");
        await CreatePartnerAsync(_organiser, "Centre de francisation de Joliette", "joliette", ["francisation"]);
        _hiddenSlug = (await CreatePartnerAsync(_organiser, Hidden, "joliette", ["francisation"], isPublic: false)).GetProperty("slug").GetString()!;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Home_HasTheEventsTheDirectoryTheMapAndOpenGraph_InTheHtml()
    {
        var page = await GetAsync(_public, "/");

        Assert.Equal("S'établir dans Lanaudière", page.QuerySelector("main h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=upcoming-events]"));
        Assert.NotNull(page.QuerySelector("form[data-testid=directory-form][action^='/repertoire']"));
        Assert.Equal("1", page.QuerySelector("[data-testid=map-mrc-joliette] .mrc-map__count")?.TextContent); // the hidden one is not counted
        Assert.Equal("/repertoire?mrc=joliette#resultats", page.QuerySelector("[data-testid=map-mrc-joliette]")?.GetAttribute("href"));
        Assert.Equal(6, page.QuerySelectorAll("[data-testid^=map-mrc-]").Length);
        foreach (var property in new[] { "og:title", "og:description", "og:url", "og:type", "og:locale" })
            Assert.False(string.IsNullOrEmpty(page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")), property);
        Assert.Contains("/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Directory_RendersTheSearch_AndTheOrganisationPage_InBothLanguages()
    {
        var found = await GetAsync(_public, "/repertoire?q=helene");
        var english = await GetAsync(_public, "/repertoire?q=francisation%20joliette&lang=en");
        var organisation = await GetAsync(_public, found.QuerySelector("[data-testid=directory-item] h3 a")!.GetAttribute("href")!);

        Assert.Equal(["Carrefour d'intégration de la Matawinie"], found.QuerySelectorAll("[data-testid=directory-item] h3").Select(h => h.TextContent));
        Assert.Equal("Personne-ressource : Hélène Roy", found.QuerySelector("[data-testid=directory-matched-contact]")?.TextContent); // why it was found
        Assert.Null(english.QuerySelector("[data-testid=directory-matched-contact]")); // found by its own name: nothing to explain
        Assert.Equal(["Centre de francisation de Joliette"], english.QuerySelectorAll("[data-testid=directory-item] h3").Select(h => h.TextContent));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("French classes", english.QuerySelector("[data-testid=directory-item] .tags")!.TextContent);
        Assert.Equal("Carrefour d'intégration de la Matawinie", organisation.QuerySelector("main h1")?.TextContent);
        Assert.StartsWith("Carrefour d'intégration de la Matawinie", organisation.Title);
        Assert.Equal("Carrefour d'intégration de la Matawinie", organisation.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task NonPublicOrganisation_NeverAppearsOnThePortal()
    {
        foreach (var path in new[] { "/", "/repertoire", "/repertoire?q=confidentielle", "/repertoire?mrc=joliette", "/repertoire?service=francisation", "/repertoire?lang=en" })
        {
            var html = await (await _public.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(Hidden, html.Replace("&#x27;", "'"), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(_hiddenSlug, html);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/organismes/{_hiddenSlug}")).StatusCode);
        // The organiser sees it, marked as not public and not to be indexed.
        var asOrganiser = await GetAsync(_organiser, $"/organismes/{_hiddenSlug}");
        Assert.Equal(Hidden, asOrganiser.QuerySelector("main h1")?.TextContent);
        Assert.Equal("noindex", asOrganiser.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Fact]
    public async Task AboutAndNews_RenderTheOrganisersMarkdown_WithoutHtmlOrScriptLinks()
    {
        (await _organiser.PutAsJsonAsync("/api/portal/about", new
        {
            titleFr = "La démarche", titleEn = "The initiative", expectedVersion = 0,
            bodyFr = "Un **partenariat** régional.\n\n<script>alert(1)</script>\n\n[piège](javascript:alert(1)) [répertoire](/repertoire)",
            bodyEn = "A regional **partnership**.",
        })).EnsureSuccessStatusCode();
        var created = await _organiser.PostAsJsonAsync("/api/portal/news", new { titleFr = "Nouveaux ateliers", titleEn = "New workshops", bodyFr = "Trois *ateliers*.", bodyEn = "Three *workshops*." })
            .OkJsonAsync();

        var about = await GetAsync(_public, "/a-propos");
        var aboutEn = await GetAsync(_public, "/a-propos?lang=en");
        var news = await GetAsync(_public, $"/nouvelles/{created.GetProperty("slug").GetString()}?lang=fr");

        var article = about.QuerySelector("[data-testid=about]")!;
        Assert.Equal("partenariat", article.QuerySelector("strong")?.TextContent);
        Assert.Null(article.QuerySelector("script"));
        Assert.Contains("<script>alert(1)</script>", article.TextContent); // shown as text, not run
        Assert.DoesNotContain(article.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(article.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/repertoire");
        Assert.Equal("The initiative", aboutEn.QuerySelector("main h1")?.TextContent);
        Assert.Equal("ateliers", news.QuerySelector("[data-testid=news-item] em")?.TextContent);
        Assert.Equal("Nouveaux ateliers", news.Title);
        Assert.Equal(HttpStatusCode.Forbidden, (await MemberOrAnonymousPutAsync()).StatusCode);
    }

    [Fact]
    public async Task StaffPages_AreRefusedToOthers()
    {
        var noRedirect = _app.CreateClient(new() { AllowAutoRedirect = false });
        var tableId = await CreateTableAsync(_organiser);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Membre");
        var member = await MemberClientAsync(_app, token);

        Assert.Equal(HttpStatusCode.Redirect, (await noRedirect.GetAsync("/coordination")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await noRedirect.GetAsync("/rapport")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/coordination")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/rapport")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/coordination?table={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _organiser.GetAsync("/rapport")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await noRedirect.GetAsync("/portail/gestion")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/portail/gestion")).StatusCode);
        var admin = await GetAsync(_organiser, "/portail/gestion");
        Assert.NotNull(admin.QuerySelector("form[data-testid=about-form] textarea[name=bodyFr]"));
    }

    private async Task<HttpResponseMessage> MemberOrAnonymousPutAsync()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Membre");
        var member = await MemberClientAsync(_app, token);
        return await member.PutAsJsonAsync("/api/portal/about", new { titleFr = "x", titleEn = "x", bodyFr = "", bodyEn = "", expectedVersion = 1 });
    }

    private static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
