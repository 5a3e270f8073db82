using Collaboration.Grains.Platform;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Web.Coordination;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;
using static Collaboration.Web.Tests.Partners.PartnersTestKit;

namespace Collaboration.Web.Tests.Reports;

public sealed class ActivityReportTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Who was present at each meeting of the series (0 = Julie of Joliette, 1 = Marc of Matawinie, 2 = Ugo, not linked).</summary>
    private static readonly int[][] Present = [[0, 1, 2], [0], [0, 1], [1, 2]];

    private static readonly int[] DecisionsPerMeeting = [2, 1, 3, 0];

    /// <summary>The owner of each action item raised in each meeting.</summary>
    private static readonly int[][] ItemOwners = [[0], [1, 2], [0, 0], [1]];

    [Fact]
    public async Task Figures_EqualWhatTheTestCreated_OverAPeriodCuttingThroughAMeetingSeries()
    {
        // Arrange: a series of four monthly meetings, the first before the period.
        var today = QuebecTime.Today(_app.Services.GetRequiredService<TimeProvider>());
        var joliette = (await CreatePartnerAsync(_organiser, "Centre d'accueil de Joliette", "joliette", ["accueil"])).GetProperty("id").GetGuid();
        var matawinie = (await CreatePartnerAsync(_organiser, "Carrefour de la Matawinie", "matawinie", ["francisation"])).GetProperty("id").GetGuid();
        var tableId = await CreateTableAsync(_organiser, quorum: 2);
        var members = new[] { "Julie", "Marc", "Ugo" };
        var ids = new List<Guid>();
        foreach (var name in members) ids.Add((await AddMemberAsync(_organiser, tableId, name)).MemberId);
        await LinkAsync(_organiser, tableId, ids[0], joliette);
        await LinkAsync(_organiser, tableId, ids[1], matawinie);
        var starts = new[] { -95, -65, -35, -5 }.Select(d => new DateTimeOffset(today.AddDays(d).ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero)).ToArray();
        var closedInPeriod = 0;
        var closedByMrc = new Dictionary<string, int>();
        for (var m = 0; m < 4; m++)
        {
            var meetingId = await CreateMeetingAsync(_organiser, tableId, $"Rencontre {m + 1}", starts[m]);
            var agenda = await AddAgendaItemAsync(_organiser, meetingId, "Suivis");
            (await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null)).EnsureSuccessStatusCode();
            foreach (var p in Present[m])
                (await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{ids[p]}", new { status = p == 2 ? "remote" : "present" })).EnsureSuccessStatusCode();
            for (var d = 0; d < DecisionsPerMeeting[m]; d++)
                (await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/decisions", new { agendaItemId = agenda, text = $"Décision {m}.{d}" })).EnsureSuccessStatusCode();
            foreach (var owner in ItemOwners[m])
            {
                var item = (await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new { text = "Tâche", ownerMemberId = ids[owner] })
                    .OkJsonAsync()).GetProperty("current");
                if (owner != 0) continue; // Julie closes hers at once (today: inside the period)
                (await _organiser.PatchAsJsonAsync($"/api/meetings/{meetingId}/action-items/{item.GetProperty("id").GetGuid()}",
                    new { status = "done", expectedVersion = item.GetProperty("version").GetInt64() })).EnsureSuccessStatusCode();
                closedInPeriod++;
                closedByMrc["joliette"] = closedByMrc.GetValueOrDefault("joliette") + 1;
            }
            (await _organiser.PostAsync($"/api/meetings/{meetingId}/close", null)).EnsureSuccessStatusCode();
        }
        // A colloque today: two registrations from Joliette's organisation (one arrives), one from nowhere known.
        var colloqueId = (await _organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque", date = today.ToString("yyyy-MM-dd"), venue = "Joliette" })
            .OkJsonAsync()).GetProperty("id").GetGuid();
        var codes = new List<string>();
        foreach (var (name, organisation, category) in new[] { ("Ana", "Centre d'accueil de Joliette", "employer"), ("Ben", "centre d'accueil de joliette", "institution"), ("Cy", "Ailleurs inc.", "employer") })
            codes.Add((await _organiser.PostAsJsonAsync($"/api/colloques/{colloqueId}/registrations", new { name, organisation, category, email = $"{name}@exemple.qc.ca" })
                .OkJsonAsync()).GetProperty("code").GetString()!);
        (await _organiser.PostAsJsonAsync($"/api/colloques/{colloqueId}/checkins", new { code = codes[0], nonce = Guid.NewGuid().ToString("N") })).EnsureSuccessStatusCode();

        // Act: the period starts after the first meeting and ends today.
        var from = today.AddDays(-80);
        var report = await _organiser.GetAsync($"/api/reports/activity?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}").OkJsonAsync();

        // Assert: what the test created in meetings 2 to 4.
        var held = new[] { 1, 2, 3 };
        var figures = report.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        int Total(string key) => figures[key].GetProperty("total").GetProperty("count").GetInt32();
        int InMrc(string key, string mrc) => figures[key].GetProperty("byMrc").GetProperty(mrc).GetProperty("count").GetInt32();
        Assert.Equal(3, Total("meetings-held"));
        Assert.Equal(held.Count(m => Present[m].Length >= 2), Total("quorum-reached"));
        Assert.Equal(held.Sum(m => DecisionsPerMeeting[m]), Total("decisions"));
        Assert.Equal(held.Sum(m => ItemOwners[m].Length), Total("action-items-opened"));
        Assert.Equal(held.Sum(m => ItemOwners[m].Count(o => o == 0)), InMrc("action-items-opened", "joliette"));
        Assert.Equal(held.Sum(m => ItemOwners[m].Count(o => o == 2)), InMrc("action-items-opened", "non-precisee"));
        Assert.Equal(closedInPeriod, Total("action-items-closed")); // closed today, also meeting 1's
        Assert.Equal(closedByMrc["joliette"], InMrc("action-items-closed", "joliette"));
        var rate = figures["attendance-rate"].GetProperty("total");
        Assert.Equal(held.Sum(m => Present[m].Length), rate.GetProperty("count").GetInt32());
        Assert.Equal(held.Length * members.Length, rate.GetProperty("of").GetInt32());
        var matawinieRate = figures["attendance-rate"].GetProperty("byMrc").GetProperty("matawinie");
        Assert.Equal(held.Count(m => Present[m].Contains(1)), matawinieRate.GetProperty("count").GetInt32());
        Assert.Equal(3, Total("colloque-registrations"));
        Assert.Equal(2, InMrc("colloque-registrations", "joliette"));
        Assert.Equal(1, InMrc("colloque-registrations", "non-precisee"));
        Assert.Equal(2, Total("colloque-registrations.employer"));
        Assert.Equal(1, Total("colloque-arrivals"));
        Assert.Equal(1, InMrc("colloque-arrivals.employer", "joliette"));

        // Every figure links to its list, and the list has as many lines as the figure counts.
        var list = await _organiser.GetAsync(figures["decisions"].GetProperty("total").GetProperty("listUrl").GetString()!).OkJsonAsync();
        Assert.Equal(Total("decisions"), list.GetArrayLength());
        var heldList = await _organiser.GetAsync(figures["meetings-held"].GetProperty("byMrc").GetProperty("joliette").GetProperty("listUrl").GetString()!).OkJsonAsync();
        Assert.Equal(["Rencontre 2", "Rencontre 3", "Rencontre 4"], heldList.EnumerateArray().Select(r => r.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Csv_HasOneLinePerFigure_AndAColumnPerMrc()
    {
        var response = await _organiser.GetAsync("/api/reports/activity.csv");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = await _organiser.GetAsync("/api/reports/activity").OkJsonAsync();
        Assert.Equal(json.GetProperty("figures").GetArrayLength() + 1, lines.Length);
        Assert.EndsWith("d-autray,joliette,l-assomption,matawinie,montcalm,les-moulins,hors-region,non-precisee,autres-mrc", lines[0].TrimEnd('\r'));
    }

    [Fact]
    public async Task BadPeriod_IsRefusedInBothLanguages()
    {
        var response = await _organiser.GetAsync("/api/reports/activity?from=2026-05-01&to=2026-04-01");
        var problem = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("to").GetProperty("en").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await _organiser.GetAsync("/api/reports/activity/list?figure=magie")).StatusCode);
    }
}
