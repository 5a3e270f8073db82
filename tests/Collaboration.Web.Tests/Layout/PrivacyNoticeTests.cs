using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Collaboration.Web.Tests.Layout;

/// <summary>The privacy notice the consent boxes promise: written, linked from every page's footer and from each public form.</summary>
public sealed class PrivacyNoticeTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PrivacyNotice_SaysWhoWhatWhyHowLong_AndEveryFormAndFooterLinksToIt()
    {
        // Arrange: a workshop and a colloque with their public forms.
        var organiser = await _app.CreateOrganiserClientAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(5);
        var workshop = (await (await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 10,
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var colloque = (await (await organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque", date = "2027-05-20", venue = "Joliette" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = _app.CreateClient();

        // Act
        var notice = await PageAsync(client, "/confidentialite");
        var english = await PageAsync(client, "/confidentialite?lang=en");
        var pages = new[] { "/", $"/workshops/session.html?id={workshop}", $"/colloque/{colloque}" };

        // Assert: the notice's parts, and the person in charge with an address.
        Assert.Equal(["Qui en est responsable", "Ce que nous recueillons", "Pourquoi", "Combien de temps", "Vos droits"],
            notice.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()));
        Assert.StartsWith("mailto:", notice.QuerySelector("[data-testid=privacy-officer] a")!.GetAttribute("href"));
        Assert.Equal("Privacy notice", english.QuerySelector("main h1")!.TextContent.Trim());
        foreach (var path in pages)
        {
            var page = await PageAsync(client, path);
            Assert.Equal("/confidentialite", page.QuerySelector("footer [data-testid=privacy-link]")?.GetAttribute("href"));
            if (path != "/") Assert.NotNull(page.QuerySelector("form a[href='/confidentialite']"));
        }
    }

    private static async Task<AngleSharp.Dom.IDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path).WaitAsync(TimeSpan.FromSeconds(30));
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
