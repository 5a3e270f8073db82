using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>Issue 12, item 10: badges in batches (all, a category, not yet printed), each with its colloque's title and date.</summary>
public sealed class BadgesApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Batches_AreAllACategoryOrTheNotYetPrinted_WithoutCancelled_AndMarkingPrintedMovesThemOut()
    {
        var colloque = await CreateColloqueAsync(_organiser, "Colloque de Joliette");
        var employer = await RegisterAsync(_organiser, colloque, "Mélanie Coutu", "employeur", "melanie@exemple.qc.ca");
        var elected = await RegisterAsync(_organiser, colloque, "Julie Beaulieu", "élu·e", "julie@exemple.qc.ca");
        var cancelled = await RegisterAsync(_organiser, colloque, "Paul Rivest", "employeur", "paul@exemple.qc.ca");
        (await _organiser.PostAsJsonAsync($"/api/colloques/{colloque}/registrations/{cancelled}/cancel", new { cancelled = true })).EnsureSuccessStatusCode();

        var all = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/badges");
        var employers = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/badges?which=category&category=employer");
        var marked = await _organiser.PostAsJsonAsync($"/api/colloques/{colloque}/badges/printed", new { codes = new[] { employer, "UNKNOWN1" } });
        var notPrinted = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/badges?which=not-printed");

        Assert.Equal("Colloque de Joliette", all.GetProperty("title").GetString());
        Assert.Equal([elected, employer], Codes(all)); // by name, the cancelled one left out
        Assert.All(all.GetProperty("badges").EnumerateArray(), b =>
        {
            Assert.Equal("Colloque de Joliette", b.GetProperty("title").GetString());
            Assert.Equal("2026-11-26", b.GetProperty("date").GetString());
        });
        Assert.Equal([employer], Codes(employers));
        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.Equal([elected], Codes(notPrinted));
        var attendees = await _organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloque}/attendees");
        Assert.True(attendees.GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("code").GetString() == employer).GetProperty("badgePrinted").GetBoolean());
    }

    [Fact]
    public async Task ABadBatch_IsABilingualProblem_AndDesksCannotListBadges()
    {
        var colloque = await CreateColloqueAsync(_organiser);
        var desk = await PairedDeskAsync(_app, _organiser, colloque, "Accueil A");

        var badWhich = await _organiser.GetAsync($"/api/colloques/{colloque}/badges?which=tous");
        var badCategory = await _organiser.GetAsync($"/api/colloques/{colloque}/badges?which=category&category=astronaute");
        var noCodes = await _organiser.PostAsJsonAsync($"/api/colloques/{colloque}/badges/printed", new { codes = Array.Empty<string>() });
        var fromDesk = await desk.GetAsync($"/api/colloques/{colloque}/badges");

        Assert.Equal(HttpStatusCode.BadRequest, badWhich.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        var problem = await noCodes.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, noCodes.StatusCode);
        Assert.NotEmpty(problem.GetProperty("messages").GetProperty("en").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, fromDesk.StatusCode);
    }

    private static List<string> Codes(JsonElement sheet) =>
        sheet.GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList();
}
