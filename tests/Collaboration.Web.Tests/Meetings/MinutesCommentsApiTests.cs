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
        Assert.Equal(("Accepted", "Bilan présenté.", "Amina Diallo"),
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
}
