using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Motions, votes and the speaking queue through the HTTP API: who may do what, what members see, the minutes' wording.</summary>
public sealed class MotionsApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Room(Guid MeetingId, Guid ItemId, (Guid Id, HttpClient Client)[] Members);

    /// <summary>A meeting in progress with three members signed in and marked present.</summary>
    private async Task<Room> RoomAsync()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 2);
        var members = new List<(Guid, HttpClient)>();
        foreach (var name in new[] { "Amina Diallo", "Bruno Gagnon", "Chloé Roy" })
        {
            var (id, token) = await AddMemberAsync(_organiser, tableId, name);
            members.Add((id, await MemberClientAsync(_app, token)));
        }
        var meetingId = await CreateMeetingAsync(_organiser, tableId, "Rencontre de décembre");
        var itemId = await AddAgendaItemAsync(_organiser, meetingId, "Adoption de l'ordre du jour");
        await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        foreach (var (id, client) in members)
            await client.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{id}", new { status = "present" }).OkJsonAsync();
        return new Room(meetingId, itemId, [.. members]);
    }

    private static async Task<Guid> OpenAsync(HttpClient chair, Room room, string kind = "open", bool totalsVisible = true) =>
        (await chair.PostAsJsonAsync($"/api/meetings/{room.MeetingId}/motions", new
        {
            text = "la Table adopte l'ordre du jour", proposerId = room.Members[0].Id, seconderId = room.Members[1].Id, kind, totalsVisible,
        }).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();

    [Fact]
    public async Task Members_VoteForThemselves_ButNeitherRunTheVoteNorVoteForOthers_AndTheChairDoesNotVote()
    {
        var room = await RoomAsync();
        var member = room.Members[2].Client;
        var m = $"/api/meetings/{room.MeetingId}";

        var memberOpens = await member.PostAsJsonAsync($"{m}/motions", new { text = "Moi", proposerId = room.Members[0].Id, seconderId = room.Members[1].Id });
        var motion = await OpenAsync(_organiser, room);
        var chairVotes = await _organiser.PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "for" });
        var memberVotes = await member.PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "against" });
        var memberCounts = await member.PutAsJsonAsync($"{m}/motions/{motion}/hands", new { @for = 1 });
        var memberCloses = await member.PostAsync($"{m}/motions/{motion}/close", null);
        var memberRaisesAnother = await member.PutAsync($"{m}/floor/hands/{room.Members[0].Id}", null);
        var memberGivesFloor = await member.PostAsJsonAsync($"{m}/floor/next", new { });
        var badChoice = await member.PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "1" });
        var anonymous = await _app.CreateClient().PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "for" });

        Assert.Equal(HttpStatusCode.Forbidden, memberOpens.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, chairVotes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, memberVotes.StatusCode);
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { memberCounts.StatusCode, memberCloses.StatusCode, memberRaisesAnother.StatusCode, memberGivesFloor.StatusCode });
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var tally = (await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("motions")[0].GetProperty("tally");
        Assert.Equal((0, 1, 0), (tally.GetProperty("for").GetInt32(), tally.GetProperty("against").GetInt32(), tally.GetProperty("abstain").GetInt32()));
    }

    [Fact]
    public async Task HiddenTotals_AreLeftOutForMembers_WhoStillSeeTheirOwnSecretVote()
    {
        var room = await RoomAsync();
        var motion = await OpenAsync(_organiser, room, kind: "secret", totalsVisible: false);
        var m = $"/api/meetings/{room.MeetingId}";
        await room.Members[0].Client.PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "abstain" }).OkJsonAsync();
        await room.Members[0].Client.PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "for" }).OkJsonAsync();

        var asMember = await room.Members[0].Client.GetAsync(m).OkJsonAsync();
        var asOther = await room.Members[1].Client.GetAsync($"{m}/motions/{motion}").OkJsonAsync();
        var asChair = await _organiser.GetAsync($"{m}/motions/{motion}").OkJsonAsync();

        Assert.Equal(JsonValueKind.Null, asMember.GetProperty("meeting").GetProperty("motions")[0].GetProperty("tally").ValueKind);
        Assert.Equal("for", asMember.GetProperty("myBallots").GetProperty(motion.ToString()).GetString());
        Assert.Equal(JsonValueKind.Null, asOther.GetProperty("myChoice").ValueKind);
        Assert.Equal(JsonValueKind.Null, asOther.GetProperty("motion").GetProperty("tally").ValueKind);
        Assert.Equal(1, asChair.GetProperty("motion").GetProperty("tally").GetProperty("for").GetInt32());
        Assert.Empty(asChair.GetProperty("motion").GetProperty("votes").EnumerateArray());
    }

    [Fact]
    public async Task ClosedVote_ReadsInTheMinutesAndTheMarkdown_InTheWordingQuebecBoardsUse()
    {
        var room = await RoomAsync();
        var motion = await OpenAsync(_organiser, room);
        var m = $"/api/meetings/{room.MeetingId}";
        foreach (var (_, client) in room.Members) await client.PutAsJsonAsync($"{m}/motions/{motion}/ballot", new { choice = "for" }).OkJsonAsync();
        await _organiser.PostAsync($"{m}/motions/{motion}/close", null).OkJsonAsync();
        await _organiser.PostAsync($"{m}/close", null).OkJsonAsync();

        var french = await (await _organiser.GetAsync($"{m}/minutes.md?lang=fr")).Content.ReadAsStringAsync();
        var english = await (await _organiser.GetAsync($"{m}/minutes.md?lang=en")).Content.ReadAsStringAsync();
        var minutes = await _organiser.GetAsync($"{m}/minutes").OkJsonAsync();

        Assert.Contains(@"Sur proposition de Amina Diallo, appuyée par Bruno Gagnon, il est résolu que la Table adopte l'ordre du jour\. Adoptée à l'unanimité \(3 pour, 0 contre, 0 abstention\)\.", french);
        Assert.Contains(@"On a motion by Amina Diallo, seconded by Bruno Gagnon, it is resolved that la Table adopte l'ordre du jour\. Carried unanimously \(3 for, 0 against, 0 abstentions\)\.", english);
        var decision = minutes.GetProperty("items")[0].GetProperty("decisions")[0];
        Assert.Equal(motion, decision.GetProperty("motionId").GetGuid());
        Assert.StartsWith("On a motion by", decision.GetProperty("textEn").GetString());
    }

    [Fact]
    public async Task NextMeeting_AdoptsTheCirculatedMinutes_ByAMotion_WhichLocksThem()
    {
        var room = await RoomAsync();
        var m = $"/api/meetings/{room.MeetingId}";
        await _organiser.PostAsync($"{m}/close", null).OkJsonAsync();
        var memberCirculates = await room.Members[0].Client.PostAsync($"{m}/minutes/circulate", null);
        await _organiser.PostAsync($"{m}/minutes/circulate", null).OkJsonAsync();
        var tableId = (await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("tableId").GetGuid();

        var next = await CreateMeetingAsync(_organiser, tableId, "Rencontre de janvier", DateTimeOffset.UtcNow.AddDays(30));
        var n = $"/api/meetings/{next}";
        var adoptionItem = (await GetMeetingAsync(_organiser, next)).GetProperty("agenda")[0];
        await _organiser.PostAsync($"{n}/start", null).OkJsonAsync();
        foreach (var (id, client) in room.Members) await client.PutAsJsonAsync($"{n}/attendance/{id}", new { status = "remote" }).OkJsonAsync();
        var motion = (await _organiser.PostAsJsonAsync($"{n}/motions", new
        {
            text = "le procès-verbal soit adopté tel que rédigé", proposerId = room.Members[0].Id, seconderId = room.Members[1].Id,
        }).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();
        foreach (var (_, client) in room.Members) await client.PutAsJsonAsync($"{n}/motions/{motion}/ballot", new { choice = "for" }).OkJsonAsync();
        await _organiser.PostAsync($"{n}/motions/{motion}/close", null).OkJsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, memberCirculates.StatusCode);
        Assert.StartsWith("Adoption du procès-verbal de la rencontre du ", adoptionItem.GetProperty("title").GetString());
        Assert.Equal(room.MeetingId, adoptionItem.GetProperty("adoptsMinutesOf").GetGuid());
        var minutes = default(JsonElement);
        for (var i = 0; i < 100 && minutes.ValueKind != JsonValueKind.Object; i++) // the adoption reaches the earlier meeting after the commit
        {
            var state = (await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("minutes");
            if (state.GetProperty("status").GetString() == "adopted") minutes = state; else await Task.Delay(100);
        }
        Assert.Equal("Rencontre de janvier", minutes.GetProperty("adoptedInMeetingTitle").GetString());
        var again = await _organiser.PostAsync($"{m}/minutes/circulate", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("adopté le", await (await _organiser.GetAsync($"{m}/minutes.md")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SpeakingQueue_KeepsTheOrderOfRequests_AndTheChairGivesTheFloor()
    {
        var room = await RoomAsync();
        var m = $"/api/meetings/{room.MeetingId}";

        await room.Members[2].Client.PutAsync($"{m}/floor/hands/{room.Members[2].Id}", null).OkJsonAsync();
        await _organiser.PutAsync($"{m}/floor/hands/{room.Members[0].Id}", null).OkJsonAsync();
        await room.Members[1].Client.PutAsync($"{m}/floor/hands/{room.Members[1].Id}", null).OkJsonAsync();
        await room.Members[1].Client.DeleteAsync($"{m}/floor/hands/{room.Members[1].Id}").OkJsonAsync();
        var floor = (await _organiser.PostAsJsonAsync($"{m}/floor/next", new { }).OkJsonAsync()).GetProperty("current");

        Assert.Equal(room.Members[2].Id, floor.GetProperty("speaker").GetProperty("memberId").GetGuid());
        var queued = Assert.Single(floor.GetProperty("queue").EnumerateArray());
        Assert.Equal(room.Members[0].Id, queued.GetProperty("memberId").GetGuid());
        Assert.True(queued.GetProperty("addedByChair").GetBoolean());
    }
}
