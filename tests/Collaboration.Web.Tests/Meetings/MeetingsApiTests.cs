using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

public sealed class MeetingsApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Organiser_CreatesATableMembersAndAMeeting_AndGetsTheSnapshot()
    {
        var tableId = await CreateTableAsync(_organiser, "Table du Bas-Saint-Laurent", quorum: 3);
        var (memberId, _) = await AddMemberAsync(_organiser, tableId, "Amina Diallo", "secretary");
        var meetingId = await CreateMeetingAsync(_organiser, tableId, "Rencontre de novembre");

        var item = await AddAgendaItemAsync(_organiser, meetingId, "Mot de bienvenue", 5);
        var snapshot = (await _organiser.GetAsync($"/api/meetings/{meetingId}").OkJsonAsync());

        var meeting = snapshot.GetProperty("meeting");
        Assert.True(snapshot.GetProperty("version").GetInt64() > 0);
        Assert.Equal("draft", meeting.GetProperty("status").GetString());
        Assert.Equal(item, meeting.GetProperty("agenda")[0].GetProperty("id").GetGuid());
        Assert.Equal(memberId, meeting.GetProperty("members")[0].GetProperty("id").GetGuid());
        Assert.Equal(3, meeting.GetProperty("quorum").GetProperty("required").GetInt32());
        foreach (var part in new[] { "attendance", "actionItems", "decisions" })
            Assert.Equal(JsonValueKind.Array, meeting.GetProperty(part).ValueKind);
        var meetings = await _organiser.GetAsync($"/api/tables/{tableId}/meetings").OkJsonAsync();
        Assert.Equal(meetingId, meetings[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AQuorumLargerThanTheMembers_IsFlaggedUnreachable_UntilThereAreEnoughMembers()
    {
        var tableId = await CreateTableAsync(_organiser, "Table de Montcalm", quorum: 2);
        await AddMemberAsync(_organiser, tableId, "Paul Rivest", "member");

        var short1 = await _organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync();
        await AddMemberAsync(_organiser, tableId, "Catherine Malo", "member");
        var enough = await _organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync();

        Assert.False(short1.GetProperty("quorumReachable").GetBoolean());
        Assert.Equal(1, short1.GetProperty("activeMembers").GetInt32());
        Assert.True(enough.GetProperty("quorumReachable").GetBoolean());
    }

    [Fact]
    public async Task SignInLinkRequest_AnswersByteForByteTheSame_ForAMemberAndAStranger()
    {
        // Arrange
        var table = await CreateTableAsync(_organiser, "Table des demandes");
        await AddMemberAsync(_organiser, table, "Nadia Roy");
        var member = (await _organiser.GetAsync($"/api/tables/{table}").OkJsonAsync()).GetProperty("members")[0].GetProperty("email").GetString();
        var client = _app.CreateClient();

        // Act
        var known = await client.PostAsJsonAsync("/api/tables/sign-in-link", new { email = member }).WaitAsync(CallTimeout);
        var unknown = await client.PostAsJsonAsync("/api/tables/sign-in-link", new { email = $"x-{Guid.NewGuid():N}@exemple.ca" }).WaitAsync(CallTimeout);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Content.Headers.ContentType?.ToString(), unknown.Content.Headers.ContentType?.ToString());
        Assert.Equal(await known.Content.ReadAsByteArrayAsync(), await unknown.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SignInLink_IsSingleUse_AndTheMemberSeesOnlyTheirTable()
    {
        var mine = await CreateTableAsync(_organiser, "Ma table");
        await CreateTableAsync(_organiser, "Une autre table");
        var (memberId, token) = await AddMemberAsync(_organiser, mine, "Bruno Gagnon");

        var member = await MemberClientAsync(_app, token);
        var reused = await _app.CreateClient().PostAsJsonAsync("/api/tables/sign-in", new { token }).WaitAsync(CallTimeout);
        var unknown = await _app.CreateClient().PostAsJsonAsync("/api/tables/sign-in", new { token = token[..^4] + "AAAA" }).WaitAsync(CallTimeout);

        // A used link and an unknown one answer the same: a guess learns nothing.
        var (reusedProblem, unknownProblem) = (await reused.ReadJsonAsync(), await unknown.ReadJsonAsync());
        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.Gone), (reused.StatusCode, unknown.StatusCode));
        Assert.Equal("link-invalid", reusedProblem.GetProperty("code").GetString());
        Assert.Equal(reusedProblem.GetProperty("messages").ToString(), unknownProblem.GetProperty("messages").ToString());
        var tables = await member.GetAsync("/api/tables").OkJsonAsync();
        Assert.Equal(mine, Assert.Single(tables.EnumerateArray()).GetProperty("id").GetGuid());
        var me = await member.GetAsync("/api/auth/me").OkJsonAsync();
        Assert.Equal(("member", "Bruno Gagnon"), (me.GetProperty("role").GetString(), me.GetProperty("displayName").GetString()));
        var table = await member.GetAsync($"/api/tables/{mine}").OkJsonAsync();
        Assert.Equal(memberId, table.GetProperty("memberId").GetGuid());
        Assert.Equal(JsonValueKind.Null, table.GetProperty("members")[0].GetProperty("email").ValueKind); // emails are for organisers
    }

    [Fact]
    public async Task MemberOfTwoTables_OpeningBothLinks_SeesBothTables()
    {
        var first = await CreateTableAsync(_organiser, "Table régionale");
        var second = await CreateTableAsync(_organiser, "Comité logement");
        var (_, firstToken) = await AddMemberAsync(_organiser, first, "Amina Diallo");
        var (_, secondToken) = await AddMemberAsync(_organiser, second, "Amina Diallo");
        var member = await MemberClientAsync(_app, firstToken);

        (await member.PostAsJsonAsync("/api/tables/sign-in", new { token = secondToken }).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();

        var tables = (await member.GetAsync("/api/tables").OkJsonAsync()).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).Order();
        Assert.Equal(new[] { first, second }.Order(), tables);
    }

    [Fact]
    public async Task MemberOfAnotherTable_IsRefused_ForReadsAndWrites()
    {
        var tableA = await CreateTableAsync(_organiser, "Table A");
        var tableB = await CreateTableAsync(_organiser, "Table B");
        var (memberA, _) = await AddMemberAsync(_organiser, tableA, "Membre A");
        var (_, tokenB) = await AddMemberAsync(_organiser, tableB, "Membre B", "secretary");
        var meetingA = await CreateMeetingAsync(_organiser, tableA);
        var outsider = await MemberClientAsync(_app, tokenB);
        var before = (await GetMeetingAsync(_organiser, meetingA)).GetProperty("version").GetInt64();

        var responses = await AllCallsAsync(outsider, tableA, meetingA, memberA);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, (await GetMeetingAsync(_organiser, meetingA)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnonymousCaller_AndEmployerStyleTokenCaller_AreRefused_ForReadsAndWrites()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, _) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var anonymous = _app.CreateClient();
        var employer = _app.CreateClient(); // an employer's workshop link: a token, no cookie
        employer.DefaultRequestHeaders.Authorization = new("Bearer", "employer-token-abc123");

        var refused = (await AllCallsAsync(anonymous, tableId, meetingId, memberId))
            .Concat(await AllCallsAsync(employer, tableId, meetingId, memberId, "?token=employer-token-abc123"));

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(JsonValueKind.Array, (await GetMeetingAsync(_organiser, meetingId)).GetProperty("attendance").ValueKind);
        Assert.Empty((await GetMeetingAsync(_organiser, meetingId)).GetProperty("attendance").EnumerateArray());
    }

    [Fact]
    public async Task Member_MarksTheirOwnAttendance_ButNeitherAnothersNorRunsTheMeeting()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        var (me, token) = await AddMemberAsync(_organiser, tableId, "Moi");
        var (other, _) = await AddMemberAsync(_organiser, tableId, "Quelqu'un d'autre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var item = await AddAgendaItemAsync(_organiser, meetingId, "Point 1");
        var member = await MemberClientAsync(_app, token);

        var own = await member.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{me}", new { status = "present" });
        var others = await member.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{other}", new { status = "absent" });
        var start = await member.PostAsync($"/api/meetings/{meetingId}/start", null);
        var agenda = await member.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Mon point" });
        var current = await member.PutAsJsonAsync($"/api/meetings/{meetingId}/current", new { itemId = item });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { others.StatusCode, start.StatusCode, agenda.StatusCode, current.StatusCode });
        var meeting = await GetMeetingAsync(_organiser, meetingId);
        var attendance = Assert.Single(meeting.GetProperty("attendance").EnumerateArray());
        Assert.Equal(me, attendance.GetProperty("memberId").GetGuid());
        Assert.True(meeting.GetProperty("quorum").GetProperty("reached").GetBoolean());
    }

    [Fact]
    public async Task Secretary_RunsTheMeeting_ButCannotManageTheTable()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Secrétaire", "secretary");
        var (other, _) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var secretary = await MemberClientAsync(_app, token);

        var item = await AddAgendaItemAsync(secretary, meetingId, "Point de la secrétaire");
        await secretary.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        await secretary.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{other}", new { status = "remote" }).OkJsonAsync();
        await secretary.PostAsJsonAsync($"/api/meetings/{meetingId}/decisions", new { agendaItemId = item, text = "Adopté" }).OkJsonAsync();
        await secretary.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new { text = "Écrire le PV", ownerMemberId = other, due = "2026-12-01" }).OkJsonAsync();
        var addMember = await secretary.PostAsJsonAsync($"/api/tables/{tableId}/members", new { name = "X", sector = "autre", email = "x@exemple.qc.ca" });
        var createMeeting = await secretary.PostAsJsonAsync("/api/meetings", new { tableId, title = "Autre", startsAt = "2026-12-01T14:00:00Z" });

        Assert.Equal(HttpStatusCode.Forbidden, addMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, createMeeting.StatusCode);
        var meeting = await GetMeetingAsync(_organiser, meetingId);
        Assert.Equal("inProgress", meeting.GetProperty("status").GetString());
        Assert.Equal(item, meeting.GetProperty("currentItemId").GetGuid());
        Assert.Single(meeting.GetProperty("decisions").EnumerateArray());
        Assert.Single(meeting.GetProperty("actionItems").EnumerateArray());
    }

    [Fact]
    public async Task Member_MayCloseTheirOwnActionItem_ButNotRewriteIt_NorCloseAnothers()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (me, token) = await AddMemberAsync(_organiser, tableId, "Moi");
        var (other, _) = await AddMemberAsync(_organiser, tableId, "Autre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var mine = (await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new { text = "Ma tâche", ownerMemberId = me }).OkJsonAsync()).GetProperty("current");
        var theirs = (await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new { text = "Sa tâche", ownerMemberId = other }).OkJsonAsync()).GetProperty("current");
        var member = await MemberClientAsync(_app, token);

        var done = await member.PatchAsJsonAsync($"/api/meetings/{meetingId}/action-items/{mine.GetProperty("id")}", new { status = "done", expectedVersion = mine.GetProperty("version").GetInt64() });
        var rewrite = await member.PatchAsJsonAsync($"/api/meetings/{meetingId}/action-items/{mine.GetProperty("id")}", new { text = "Autre chose", expectedVersion = 99 });
        var another = await member.PatchAsJsonAsync($"/api/meetings/{meetingId}/action-items/{theirs.GetProperty("id")}", new { status = "done", expectedVersion = theirs.GetProperty("version").GetInt64() });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (done.StatusCode, rewrite.StatusCode, another.StatusCode));
    }

    [Fact]
    public async Task RevokedMember_CookieStopsWorking_AndAReissuedLinkRestoresAccess_WhileTheOldLinkStaysDead()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, firstToken) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var member = await MemberClientAsync(_app, firstToken);
        (await member.GetAsync($"/api/meetings/{meetingId}")).EnsureSuccessStatusCode();

        (await _organiser.PostAsync($"/api/tables/{tableId}/members/{memberId}/revoke", null)).EnsureSuccessStatusCode();
        var afterRevoke = await member.GetAsync($"/api/meetings/{meetingId}");
        var link = await _organiser.PostAsync($"/api/tables/{tableId}/members/{memberId}/link", null).OkJsonAsync();
        var newToken = link.GetProperty("signInLink").GetString()!.Split("#t=")[1];
        var oldCookieAfterReissue = await member.GetAsync($"/api/meetings/{meetingId}");
        var fresh = await MemberClientAsync(_app, newToken);

        // The revocation ended the member's session: the old cookie is no longer a sign-in at all.
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldCookieAfterReissue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync($"/api/meetings/{meetingId}")).StatusCode);
        Assert.DoesNotContain((await fresh.GetAsync("/api/tables").OkJsonAsync()).EnumerateArray(), t => t.GetProperty("id").GetGuid() != tableId);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "POST", "agenda", """{"title":"","plannedMinutes":10}""" },
        { "POST", "agenda", """{"title":"Ok","plannedMinutes":-5}""" },
        { "POST", "agenda", """{"title":"Ok","plannedMinutes":"beaucoup"}""" },
        { "PUT", "attendance/{member}", """{"status":"partout"}""" },
        { "PUT", "attendance/{member}", """{"status":"7"}""" },
        { "PUT", "attendance/{stranger}", """{"status":"present"}""" },
        { "POST", "action-items", """{"text":"Tâche","ownerMemberId":"{member}","due":"demain"}""" },
        { "POST", "action-items", """{"text":"","ownerMemberId":"{member}"}""" },
        { "POST", "action-items", """{"text":"Tâche","ownerMemberId":"{stranger}"}""" },
        { "PUT", "agenda/{item}", """{"title":"Sans version"}""" },
        { "POST", "decisions", """{"agendaItemId":"{item}","text":""}""" },
        { "PUT", "agenda/order", """{"order":["{item}","{item}"],"expectedVersion":{agendaVersion}}""" },
        { "POST", "agenda", "{ pas du json" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_GetsBilingualProblemDetails_AndNothingIsStored(string method, string path, string body)
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, _) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var item = await AddAgendaItemAsync(_organiser, meetingId, "Point");
        var before = await GetMeetingAsync(_organiser, meetingId);
        string Fill(string s) => s.Replace("{member}", memberId.ToString()).Replace("{stranger}", Guid.NewGuid().ToString())
            .Replace("{item}", item.ToString()).Replace("{agendaVersion}", before.GetProperty("agendaVersion").GetInt64().ToString());

        var response = await _organiser.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/meetings/{meetingId}/{Fill(path)}")
        {
            Content = new StringContent(Fill(body), System.Text.Encoding.UTF8, "application/json"),
        }).WaitAsync(CallTimeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("fr").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("en").GetString()));
        Assert.Equal(before.GetProperty("version").GetInt64(), (await GetMeetingAsync(_organiser, meetingId)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task BadTableAndMemberInput_GetsProblemDetails_AndNothingIsStored()
    {
        var tableId = await CreateTableAsync(_organiser);

        var noQuorum = await _organiser.PostAsJsonAsync("/api/tables", new { name = "Table", quorum = 0 });
        var badSector = await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/members", new { name = "X", sector = "spatial", email = "x@exemple.qc.ca" });
        var badEmail = await _organiser.PostAsJsonAsync($"/api/tables/{tableId}/members", new { name = "X", sector = "autre", email = "pas-un-courriel" });
        var badDate = await _organiser.PostAsJsonAsync("/api/meetings", new { tableId, title = "Rencontre", startsAt = "bientôt" });

        Assert.All(new[] { noQuorum, badSector, badEmail, badDate }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Single((await _organiser.GetAsync("/api/tables").OkJsonAsync()).EnumerateArray());
        Assert.Empty((await _organiser.GetAsync($"/api/tables/{tableId}").OkJsonAsync()).GetProperty("members").EnumerateArray());
        Assert.Empty((await _organiser.GetAsync($"/api/tables/{tableId}/meetings").OkJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task StaleEdit_Gets409_WithTheCurrentValue()
    {
        var tableId = await CreateTableAsync(_organiser);
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var item = await AddAgendaItemAsync(_organiser, meetingId, "Titre initial");
        var seen = (await GetMeetingAsync(_organiser, meetingId)).GetProperty("agenda")[0].GetProperty("version").GetInt64();

        await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/agenda/{item}", new { title = "Titre d'Alice", expectedVersion = seen }).OkJsonAsync();
        var stale = await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/agenda/{item}", new { title = "Titre de Bruno", expectedVersion = seen });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await stale.ReadJsonAsync();
        Assert.Equal("stale", problem.GetProperty("code").GetString());
        Assert.Equal("Titre d'Alice", problem.GetProperty("current").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ClosedMeeting_IsReadOnly_AndItsMinutesCome_AsJsonMarkdownCsvAndCalendar()
    {
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        var (memberId, _) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(_organiser, tableId, "Rencontre de décembre");
        var item = await AddAgendaItemAsync(_organiser, meetingId, "Budget 2027");
        var early = await _organiser.GetAsync($"/api/meetings/{meetingId}/minutes");
        await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{memberId}", new { status = "present" }).OkJsonAsync();
        await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/decisions", new { agendaItemId = item, text = "Budget adopté" }).OkJsonAsync();
        await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/action-items", new { text = "=SUM(A1) envoyer, le budget", ownerMemberId = memberId, due = "2027-01-15", agendaItemId = item }).OkJsonAsync();
        await _organiser.PostAsync($"/api/meetings/{meetingId}/close", null).OkJsonAsync();

        var edit = await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { title = "Trop tard" });
        var minutes = await _organiser.GetAsync($"/api/meetings/{meetingId}/minutes").OkJsonAsync();
        var markdown = await _organiser.GetStringAsync($"/api/meetings/{meetingId}/minutes.md");
        var csv = await _organiser.GetStringAsync($"/api/meetings/{meetingId}/action-items.csv");
        var ics = await _organiser.GetStringAsync($"/api/meetings/{meetingId}/meeting.ics");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal("meeting-closed", (await edit.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("Budget adopté", minutes.GetProperty("items")[0].GetProperty("decisions")[0].GetProperty("text").GetString());
        Assert.Equal("present", minutes.GetProperty("attendance")[0].GetProperty("status").GetString());
        Assert.Contains("# Procès-verbal — Rencontre de décembre", markdown);
        Assert.Contains("**Décision** : Budget adopté", markdown);
        Assert.Contains("(heure du Québec)", markdown);
        Assert.Contains("\"'=SUM(A1) envoyer, le budget\"", csv);
        Assert.Contains("2027-01-15", csv);
        Assert.Contains("BEGIN:VEVENT", ics);
        Assert.Contains($"UID:{meetingId}@concertation", ics);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));
    }

    [Fact]
    public async Task OpenActionItems_OfTheLastClosedMeeting_AreFollowedUpInTheNext()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, _) = await AddMemberAsync(_organiser, tableId, "Simon Gagnon");
        var october = await CreateMeetingAsync(_organiser, tableId, "Octobre", DateTimeOffset.UtcNow.AddDays(-30));
        await _organiser.PostAsync($"/api/meetings/{october}/start", null).OkJsonAsync();
        await _organiser.PostAsJsonAsync($"/api/meetings/{october}/action-items", new { text = "Recenser les logements", ownerMemberId = memberId }).OkJsonAsync();
        var done = (await _organiser.PostAsJsonAsync($"/api/meetings/{october}/action-items", new { text = "Déjà fait", ownerMemberId = memberId }).OkJsonAsync()).GetProperty("current");
        await _organiser.PatchAsJsonAsync($"/api/meetings/{october}/action-items/{done.GetProperty("id")}", new { status = "done", expectedVersion = done.GetProperty("version").GetInt64() }).OkJsonAsync();
        await _organiser.PostAsync($"/api/meetings/{october}/close", null).OkJsonAsync();

        var november = await CreateMeetingAsync(_organiser, tableId, "Novembre");

        var followUp = Assert.Single((await GetMeetingAsync(_organiser, november)).GetProperty("followUps").EnumerateArray());
        Assert.Equal("Recenser les logements", followUp.GetProperty("text").GetString());
        Assert.Equal(october, followUp.GetProperty("originMeetingId").GetGuid());
    }

    /// <summary>One read and one write of each kind a stranger could try.</summary>
    private static async Task<List<HttpResponseMessage>> AllCallsAsync(HttpClient client, Guid tableId, Guid meetingId, Guid memberId, string query = "")
    {
        client.DefaultRequestHeaders.Remove("X-CSRF");
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        var m = $"/api/meetings/{meetingId}";
        return
        [
            await client.GetAsync($"{m}{query}"),
            await client.GetAsync($"{m}/minutes{query}"),
            await client.GetAsync($"{m}/meeting.ics{query}"),
            await client.GetAsync($"{m}/action-items.csv{query}"),
            await client.GetAsync($"/api/tables/{tableId}{query}"),
            await client.GetAsync($"/api/tables/{tableId}/meetings{query}"),
            await client.PostAsJsonAsync($"{m}/agenda{query}", new { title = "Intrus" }),
            await client.PostAsync($"{m}/start{query}", null),
            await client.PutAsJsonAsync($"{m}/attendance/{memberId}{query}", new { status = "present" }),
            await client.PostAsJsonAsync($"{m}/action-items{query}", new { text = "Intrus", ownerMemberId = memberId }),
            await client.PostAsJsonAsync($"/api/tables/{tableId}/members{query}", new { name = "Intrus", sector = "autre", email = "intrus@exemple.qc.ca" }),
        ];
    }
}
