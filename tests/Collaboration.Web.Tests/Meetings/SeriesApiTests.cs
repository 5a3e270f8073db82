using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.Serialization;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>A table's series through the HTTP API: who may set it and create its meetings, bad input, the next meeting's agenda, its calendar file.</summary>
public sealed class SeriesApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static object Series(int week = 3, string day = "wednesday", string time = "13:30", object[]? standing = null) => new
    {
        title = "Rencontre régulière", location = "Joliette", week, day, time,
        standingItems = standing ?? [new { title = "Nouvelles des MRC", plannedMinutes = 20 }, new { title = "Comité accueil", plannedMinutes = 15 }],
    };

    private async Task<JsonElement> GetSeriesAsync(HttpClient client, Guid tableId) =>
        await client.GetAsync($"/api/tables/{tableId}/series").OkJsonAsync();

    private async Task<Guid> CreateNextAsync(Guid tableId)
    {
        var next = (await GetSeriesAsync(_organiser, tableId)).GetProperty("series").GetProperty("nextStartsAt").GetString();
        return (await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/series/next", new { startsAt = next }).OkJsonAsync()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Series_IsSetAndUsedByOrganisers_ReadByTheTablesMembers_AndRefusedToOthers()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        var otherTable = await CreateTableAsync(_organiser, quorum: 1);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Amina Diallo", role: "secretary");
        var (_, strangerToken) = await AddMemberAsync(_organiser, otherTable, "Bruno Gagnon");
        var member = await MemberClientAsync(_app, token);
        var stranger = await MemberClientAsync(_app, strangerToken);
        var anonymous = _app.CreateClient();
        anonymous.DefaultRequestHeaders.Add("X-CSRF", "1");

        var before = await GetSeriesAsync(member, tableId);
        var memberSets = await member.PutAsJsonAsync($"/api/tables/{tableId}/series", Series()).WaitAsync(CallTimeout);
        (await _organiser.PutAsJsonAsync($"/api/tables/{tableId}/series", Series()).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();
        var seen = await GetSeriesAsync(member, tableId);
        var next = seen.GetProperty("series").GetProperty("nextStartsAt").GetString();
        var memberCreates = await member.PostAsJsonAsync($"/api/tables/{tableId}/series/next", new { startsAt = next }).WaitAsync(CallTimeout);
        var strangerReads = await stranger.GetAsync($"/api/tables/{tableId}/series").WaitAsync(CallTimeout);
        var strangerCalendar = await stranger.GetAsync($"/api/tables/{tableId}/series.ics").WaitAsync(CallTimeout);
        var anonymousReads = await anonymous.GetAsync($"/api/tables/{tableId}/series").WaitAsync(CallTimeout);
        var anonymousCreates = await anonymous.PostAsJsonAsync($"/api/tables/{tableId}/series/next", new { startsAt = next }).WaitAsync(CallTimeout);

        Assert.Equal(JsonValueKind.Null, before.GetProperty("series").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, memberSets.StatusCode); // a secretary runs meetings, the organisers plan them
        Assert.Equal(HttpStatusCode.Forbidden, memberCreates.StatusCode);
        Assert.False(seen.GetProperty("canManage").GetBoolean());
        Assert.Equal("FREQ=MONTHLY;BYDAY=3WE", seen.GetProperty("recurrence").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, strangerReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerCalendar.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousReads.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCreates.StatusCode);
        Assert.Empty(await _organiser.GetAsync($"/api/tables/{tableId}/meetings").OkJsonAsync() is { } list ? list.EnumerateArray() : default);
    }

    [Fact]
    public async Task BadSeries_AreRefusedInFrenchAndEnglish_AndNothingIsWritten()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);

        var bad = await _organiser.PutAsJsonAsync($"/api/tables/{tableId}/series",
            Series(week: 5, day: "3", time: "25:00", standing: [new { title = " ", plannedMinutes = 10 }])).WaitAsync(CallTimeout);
        var noDate = await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/series/next", new { startsAt = "demain" }).WaitAsync(CallTimeout);
        var noSeries = await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/series/next", new { startsAt = DateTimeOffset.UtcNow.ToString("O") }).WaitAsync(CallTimeout);
        var noCalendar = await _organiser.GetAsync($"/api/tables/{tableId}/series.ics").WaitAsync(CallTimeout);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.ReadJsonAsync();
        var errors = problem.GetProperty("errors");
        Assert.All(new[] { "week", "day", "time", "standingItems" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        Assert.Contains("HH:MM", problem.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, noDate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSeries.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noCalendar.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await GetSeriesAsync(_organiser, tableId)).GetProperty("series").ValueKind);
    }

    [Fact]
    public async Task NextMeeting_HasTheTemplate_TheOpenActionItems_AndTheMinutesToAdopt_AndAStaleDateIsRefused()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        var (amina, _) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        (await _organiser.PutAsJsonAsync($"/api/tables/{tableId}/series", Series()).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();
        var first = await CreateNextAsync(tableId);
        await _organiser.PostAsync($"/api/meetings/{first}/start", null).OkJsonAsync();
        await _organiser.PostAsJsonAsync($"/api/meetings/{first}/action-items", new { text = "Envoyer le bilan", ownerMemberId = amina }).OkJsonAsync();
        await _organiser.PostAsync($"/api/meetings/{first}/close", null).OkJsonAsync();
        var staleDate = (await GetSeriesAsync(_organiser, tableId)).GetProperty("series").GetProperty("firstStartsAt").GetString();

        var second = await CreateNextAsync(tableId);
        var stale = await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/series/next", new { startsAt = DateTimeOffset.Parse(staleDate!).AddDays(1).ToString("O") }).WaitAsync(CallTimeout);

        var meeting = await GetMeetingAsync(_organiser, second);
        var agenda = meeting.GetProperty("agenda").EnumerateArray().ToList();
        Assert.Equal(["Ouverture de la rencontre", "Adoption de l'ordre du jour"], agenda.Take(2).Select(i => i.GetProperty("title").GetString()));
        Assert.StartsWith("Adoption du procès-verbal de la rencontre du mercredi", agenda[2].GetProperty("title").GetString());
        Assert.Equal(first, agenda[2].GetProperty("adoptsMinutesOf").GetGuid());
        Assert.Equal(["Nouvelles des MRC", "Comité accueil", "Varia", "Levée de la rencontre"], agenda.Skip(3).Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("Envoyer le bilan", Assert.Single(meeting.GetProperty("followUps").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("stale", (await stale.ReadJsonAsync()).GetProperty("code").GetString());
        var meetings = await _organiser.GetAsync($"/api/tables/{tableId}/meetings").OkJsonAsync();
        Assert.Equal(2, meetings.GetArrayLength());
    }

    [Fact]
    public async Task SeriesCalendar_CarriesTheRecurrence_InQuebecTime()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        (await _organiser.PutAsJsonAsync($"/api/tables/{tableId}/series", Series(week: -1, day: "friday", time: "9:00")).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();

        var response = await _organiser.GetAsync($"/api/tables/{tableId}/series.ics").WaitAsync(CallTimeout);

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var ev = Assert.Single(calendar.Events);
        Assert.Contains("RRULE:FREQ=MONTHLY;BYDAY=-1FR", text);
        Assert.Equal(("America/Toronto", 9, 0), (ev.DtStart!.TzId, ev.DtStart.Hour, ev.DtStart.Minute));
        Assert.Equal(DayOfWeek.Friday, ev.DtStart.DayOfWeek);
        Assert.Contains("Varia", ev.Description);
        var firstFour = ev.GetOccurrences(ev.DtStart).Take(4).Select(o => o.Period.StartTime.Value.Day).ToList();
        Assert.All(firstFour, day => Assert.True(day >= 22));
    }
}
