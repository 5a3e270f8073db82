using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Comments and corrections on circulated minutes through the HTTP API: members comment, the chair decides, history kept, bad input refused.</summary>
public sealed class MinutesCommentsApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Closed(Guid TableId, Guid MeetingId, Guid ItemId, HttpClient Amina, HttpClient Secretary);

    private async Task<Closed> ClosedMeetingAsync()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        var (_, aminaToken) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var (_, sofiaToken) = await AddMemberAsync(_organiser, tableId, "Sofia Tremblay", role: "secretary");
        var meetingId = await CreateMeetingAsync(_organiser, tableId, "Rencontre d'octobre");
        var itemId = (await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Bilan", plannedMinutes = 10, notes = "Bilan présenté." })
            .OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();
        await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        await _organiser.PostAsync($"/api/meetings/{meetingId}/close", null).OkJsonAsync();
        return new Closed(tableId, meetingId, itemId, await MemberClientAsync(_app, aminaToken), await MemberClientAsync(_app, sofiaToken));
    }

    [Fact]
    public async Task MembersComment_TheChairDecides_AndTheMinutesShowTheCorrectionWithItsHistory_OthersAreRefused()
    {
        var m = await ClosedMeetingAsync();
        var otherTable = await CreateTableAsync(_organiser, quorum: 1);
        var (_, strangerToken) = await AddMemberAsync(_organiser, otherTable, "Bruno Gagnon");
        var stranger = await MemberClientAsync(_app, strangerToken);
        var comments = $"/api/meetings/{m.MeetingId}/minutes/comments";
        var correction = new { agendaItemId = m.ItemId, kind = "correction", text = "Bilan présenté par Amina Diallo." };

        var beforeCirculation = await m.Amina.PostAsJsonAsync(comments, correction).WaitAsync(CallTimeout);
        await _organiser.PostAsync($"/api/meetings/{m.MeetingId}/minutes/circulate", null).OkJsonAsync();
        var proposed = (await m.Amina.PostAsJsonAsync(comments, correction).OkJsonAsync()).GetProperty("current");
        var organiserComments = await _organiser.PostAsJsonAsync(comments, correction).WaitAsync(CallTimeout);
        var strangerComments = await stranger.PostAsJsonAsync(comments, correction).WaitAsync(CallTimeout);
        var decide = $"{comments}/{proposed.GetProperty("id").GetGuid()}";
        var version = proposed.GetProperty("version").GetInt64();
        var memberDecides = await m.Amina.PutAsJsonAsync(decide, new { accept = true, expectedVersion = version }).WaitAsync(CallTimeout);
        await m.Secretary.PutAsJsonAsync(decide, new { accept = true, expectedVersion = version }).OkJsonAsync();
        var again = await _organiser.PutAsJsonAsync(decide, new { accept = false, expectedVersion = version }).WaitAsync(CallTimeout);

        Assert.Equal(HttpStatusCode.Conflict, beforeCirculation.StatusCode);
        Assert.Equal("minutes-not-circulated", (await beforeCirculation.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, organiserComments.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, strangerComments.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberDecides.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // decided once
        var minutes = await m.Amina.GetAsync($"/api/meetings/{m.MeetingId}/minutes").OkJsonAsync();
        Assert.Equal("Bilan présenté par Amina Diallo.", minutes.GetProperty("items")[0].GetProperty("item").GetProperty("notes").GetString());
        var history = Assert.Single(minutes.GetProperty("meeting").GetProperty("minutes").GetProperty("comments").EnumerateArray());
        Assert.Equal(("accepted", "Bilan présenté.", "Amina Diallo"),
            (history.GetProperty("status").GetString(), history.GetProperty("previousText").GetString(), history.GetProperty("authorName").GetString()));
        Assert.Equal(JsonValueKind.String, history.GetProperty("decidedAt").ValueKind);
        var markdown = await (await m.Amina.GetAsync($"/api/meetings/{m.MeetingId}/minutes.md").WaitAsync(CallTimeout)).Content.ReadAsStringAsync();
        Assert.Contains("Bilan présenté par Amina Diallo", markdown);
        Assert.Contains("Bilan présenté", markdown[markdown.IndexOf("## Corrections apportées", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task BadComments_AreRefusedInFrenchAndEnglish_AndNothingIsWritten()
    {
        var m = await ClosedMeetingAsync();
        await _organiser.PostAsync($"/api/meetings/{m.MeetingId}/minutes/circulate", null).OkJsonAsync();
        var comments = $"/api/meetings/{m.MeetingId}/minutes/comments";

        var bad = await m.Amina.PostAsJsonAsync(comments, new { kind = "1", text = " " }).WaitAsync(CallTimeout);
        var tooLong = await m.Amina.PostAsJsonAsync(comments, new { agendaItemId = m.ItemId, kind = "comment", text = new string('x', 2001) }).WaitAsync(CallTimeout);
        var unknownItem = await m.Amina.PostAsJsonAsync(comments, new { agendaItemId = Guid.NewGuid(), kind = "comment", text = "Où ?" }).WaitAsync(CallTimeout);
        var noDecision = await _organiser.PutAsJsonAsync($"{comments}/{Guid.NewGuid()}", new { expectedVersion = 1 }).WaitAsync(CallTimeout);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        Assert.All(new[] { "agendaItemId", "kind", "text" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownItem.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);
        var minutes = await m.Amina.GetAsync($"/api/meetings/{m.MeetingId}/minutes").OkJsonAsync();
        Assert.Empty(minutes.GetProperty("meeting").GetProperty("minutes").GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task AfterAdoption_ACorrectionIsAnErratumMotion_AndAnErratumOfMinutesNotAdoptedIsRefused()
    {
        var m = await ClosedMeetingAsync();
        await AddMemberAsync(_organiser, m.TableId, "Bruno Gagnon");
        var table = await _organiser.GetAsync($"/api/tables/{m.TableId}").OkJsonAsync();
        var members = table.GetProperty("members").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ToList();
        var november = await CreateMeetingAsync(_organiser, m.TableId, "Rencontre de novembre");
        var adoptionItem = (await GetMeetingAsync(_organiser, november)).GetProperty("agenda")[0].GetProperty("id").GetGuid();
        await _organiser.PostAsync($"/api/meetings/{november}/start", null).OkJsonAsync();
        foreach (var member in members)
            await _organiser.PutAsJsonAsync($"/api/meetings/{november}/attendance/{member}", new { status = "present" }).OkJsonAsync();
        async Task<Guid> CarryAsync(object motion)
        {
            var id = (await _organiser.PostAsJsonAsync($"/api/meetings/{november}/motions", motion).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();
            await _organiser.PutAsJsonAsync($"/api/meetings/{november}/motions/{id}/hands", new { @for = members.Count, against = 0, abstain = 0 }).OkJsonAsync();
            await _organiser.PostAsync($"/api/meetings/{november}/motions/{id}/close", null).OkJsonAsync();
            return id;
        }
        var erratum = new { text = "les notes du bilan se lisent « Bilan présenté par la coordination. »", proposerId = members[0], seconderId = members[1], kind = "open", erratumFor = m.MeetingId };

        var tooEarly = await _organiser.PostAsJsonAsync($"/api/meetings/{november}/motions", erratum).WaitAsync(CallTimeout);
        await CarryAsync(new { text = "le procès-verbal soit adopté", proposerId = members[0], seconderId = members[1], kind = "open", agendaItemId = adoptionItem });
        for (var tries = 0; tries < 60 && (await GetMeetingAsync(m.Amina, m.MeetingId)).GetProperty("minutes").GetProperty("status").GetString() != "adopted"; tries++)
            await Task.Delay(500);
        var motion = await CarryAsync(erratum);
        var ofItself = await _organiser.PostAsJsonAsync($"/api/meetings/{november}/motions", erratum with { erratumFor = november }).WaitAsync(CallTimeout);

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("erratum-target", (await tooEarly.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, ofItself.StatusCode);
        JsonElement errata = default;
        for (var tries = 0; tries < 60 && (errata = (await GetMeetingAsync(m.Amina, m.MeetingId)).GetProperty("minutes").GetProperty("errata")).GetArrayLength() == 0; tries++)
            await Task.Delay(500);
        Assert.Equal(motion, Assert.Single(errata.EnumerateArray()).GetProperty("motionId").GetGuid());
        var markdown = await (await m.Amina.GetAsync($"/api/meetings/{m.MeetingId}/minutes.md").WaitAsync(CallTimeout)).Content.ReadAsStringAsync();
        Assert.Contains("## Errata", markdown);
        Assert.Contains("Rencontre de novembre", markdown[markdown.IndexOf("## Errata", StringComparison.Ordinal)..]);
        var correct = await m.Amina.PostAsJsonAsync($"/api/meetings/{m.MeetingId}/minutes/comments", new { agendaItemId = m.ItemId, kind = "correction", text = "Autre" }).WaitAsync(CallTimeout);
        Assert.Equal("minutes-adopted", (await correct.ReadJsonAsync()).GetProperty("code").GetString());
    }
}
