using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>The meeting topic and presence through the official @microsoft/signalr client (Node), on real Kestrel.</summary>
public sealed class MeetingsLiveTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new(kestrel: true);
    private HttpClient _organiser = null!;

    private string HubUrl => new Uri(_app.ServerAddress, "/hubs/live").ToString();

    public async Task InitializeAsync()
    {
        _organiser = new HttpClient { BaseAddress = _app.ServerAddress };
        _organiser.DefaultRequestHeaders.Add("Cookie", await _app.SignInCookieAsync());
        _organiser.DefaultRequestHeaders.Add("X-CSRF", "1");
    }

    public async Task DisposeAsync()
    {
        _organiser.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Member_FollowsTheMeeting_AndReceivesEachChange_InOrder()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, token) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        await AddAgendaItemAsync(_organiser, meetingId, "Point 1");
        var second = await AddAgendaItemAsync(_organiser, meetingId, "Point 2");
        await using var member = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, token));

        var subscribed = await member.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);
        await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/current", new { itemId = second }).OkJsonAsync();
        await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{memberId}", new { status = "present" }).OkJsonAsync();

        var attendance = await member.WaitForEventAsync(e => e.GetProperty("type").GetString() == "AttendanceSet", CallTimeout);
        Assert.Equal("Point 1", subscribed.GetProperty("snapshot").GetProperty("agenda")[0].GetProperty("title").GetString());
        Assert.Equal(["MeetingStarted", "CurrentItemChanged", "AttendanceSet"], member.Events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(second, member.Events[1].GetProperty("data").GetProperty("currentItemId").GetGuid());
        Assert.True(attendance.GetProperty("data").GetProperty("quorum").GetProperty("counted").GetInt32() == 1);
        var versions = member.Events.Select(e => e.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task Subscribe_IsRefused_ForAnonymous_AnEmployerStyleToken_AndAMemberOfAnotherTable()
    {
        var tableA = await CreateTableAsync(_organiser, "A");
        var tableB = await CreateTableAsync(_organiser, "B");
        var (_, tokenB) = await AddMemberAsync(_organiser, tableB, "Membre B");
        var meetingA = await CreateMeetingAsync(_organiser, tableA);
        await using var anonymous = await NodeHubClient.ConnectAsync(HubUrl);
        await using var employer = await NodeHubClient.ConnectAsync($"{HubUrl}?access_token=employer-token-abc123");
        await using var outsider = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, tokenB));

        foreach (var client in new[] { anonymous, employer, outsider })
        {
            var refused = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("Subscribe", $"meeting:{meetingA}", 0).WaitAsync(CallTimeout));
            Assert.Contains("Access to this topic is denied", refused.Message);
            await client.InvokeAsync("Subscribe", "test-note:public-meetings-marker", 0).WaitAsync(CallTimeout);
        }
        await AddAgendaItemAsync(_organiser, meetingA, "Confidentiel");
        await Notes("public-meetings-marker").AddAsync("après");

        foreach (var client in new[] { anonymous, employer, outsider })
        {
            // Pushes go out in commit order: once the later marker arrived, the meeting's change would have too.
            await client.WaitForEventAsync(e => e.GetProperty("topic").GetString() == "test-note:public-meetings-marker", CallTimeout);
            Assert.DoesNotContain(client.Events, e => e.GetProperty("topic").GetString()!.StartsWith("meeting:", StringComparison.Ordinal));
            Assert.DoesNotContain(client.Pushes, p => p.Method == "presence");
        }
    }

    [Fact]
    public async Task RevokedMember_StopsReceivingPushes_AtOnce()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, token) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        await using var member = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, token));
        await member.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);

        (await _organiser.PostAsync($"/api/tables/{tableId}/members/{memberId}/revoke", null)).EnsureSuccessStatusCode();
        await AddAgendaItemAsync(_organiser, meetingId, "Après la révocation");

        // The revocation ends the member's session, and with it their hub connection.
        await member.WaitForStateAsync("closed", CallTimeout);
        Assert.DoesNotContain(member.Events, e => e.GetProperty("topic").GetString() == $"meeting:{meetingId}");
    }

    [Fact]
    public async Task RevokedMember_CannotSubscribeAgain()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, token) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var cookie = await MemberCookieAsync(_app.ServerAddress, token);
        await using (var before = await NodeHubClient.ConnectAsync(HubUrl, cookie))
            await before.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);

        (await _organiser.PostAsync($"/api/tables/{tableId}/members/{memberId}/revoke", null)).EnsureSuccessStatusCode();
        await using var after = await NodeHubClient.ConnectAsync(HubUrl, cookie);

        await Assert.ThrowsAsync<HubInvocationException>(() => after.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout));
    }

    [Fact]
    public async Task Presence_ShowsWhoHasTheMeetingOpen_AndDropsAClosedConnection()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var topic = $"meeting:{meetingId}";
        await using var organiser = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());
        await organiser.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);

        var member = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, token));
        await member.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        var both = await organiser.WaitForPushAsync("presence", p => Names(p).Contains("Amina Diallo"), CallTimeout);
        await member.DisposeAsync();
        var alone = await organiser.WaitForPushAsync("presence", p => !Names(p).Contains("Amina Diallo"), CallTimeout);

        Assert.Equal(topic, both.GetProperty("topic").GetString());
        Assert.Equal(2, both.GetProperty("people").GetArrayLength());
        Assert.Single(alone.GetProperty("people").EnumerateArray());
        Assert.DoesNotContain("@", both.GetRawText()); // no organiser email goes to members
    }

    [Fact]
    public async Task Presence_AnotherTabOfSomeoneAlreadyThere_GetsTheList_WithoutAPushToTheRoom()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var topic = $"meeting:{meetingId}";
        var memberCookie = await MemberCookieAsync(_app.ServerAddress, token);
        await using var organiser = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());
        await organiser.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        await using var firstTab = await NodeHubClient.ConnectAsync(HubUrl, memberCookie);
        await firstTab.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        await organiser.WaitForPushAsync("presence", p => Names(p).Contains("Amina Diallo"), CallTimeout);
        await Task.Delay(MeetingPresenceCoalescingMs * 3);
        var pushesBefore = organiser.Pushes.Count(p => p.Method == "presence");

        await using var secondTab = await NodeHubClient.ConnectAsync(HubUrl, memberCookie);
        await secondTab.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        var told = await secondTab.WaitForPushAsync("presence", null, CallTimeout);
        await Task.Delay(MeetingPresenceCoalescingMs * 3);

        Assert.Equal(2, told.GetProperty("people").GetArrayLength());
        Assert.Equal(pushesBefore, organiser.Pushes.Count(p => p.Method == "presence"));
    }

    [Fact]
    public async Task MinutesTopic_TellsEveryReaderOfEachChange_WithoutItsContent_NorCountingThemPresent_AndRefusesAnotherTable()
    {
        // Arrange: a closed meeting, its minutes circulated; Amina reads them, the chair watches the room.
        var tableId = await CreateTableAsync(_organiser, quorum: 1);
        var (_, token) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var (_, strangerToken) = await AddMemberAsync(_organiser, await CreateTableAsync(_organiser, "Autre table"), "Bruno Gagnon");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var itemId = await AddAgendaItemAsync(_organiser, meetingId, "Bilan");
        await _organiser.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        await _organiser.PostAsync($"/api/meetings/{meetingId}/close", null).OkJsonAsync();
        var memberCookie = await MemberCookieAsync(_app.ServerAddress, token);
        await using var reader = await NodeHubClient.ConnectAsync(HubUrl, memberCookie);
        await reader.InvokeAsync("Subscribe", $"minutes:{meetingId}", 0).WaitAsync(CallTimeout);
        await using var room = await NodeHubClient.ConnectAsync(HubUrl, await _app.SignInCookieAsync());
        await room.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);
        await using var stranger = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, strangerToken));

        // Act: the chair circulates the minutes; Amina comments.
        await _organiser.PostAsync($"/api/meetings/{meetingId}/minutes/circulate", null).OkJsonAsync();
        using var amina = new HttpClient { BaseAddress = _app.ServerAddress };
        amina.DefaultRequestHeaders.Add("Cookie", memberCookie);
        amina.DefaultRequestHeaders.Add("X-CSRF", "1");
        await amina.PostAsJsonAsync($"/api/meetings/{meetingId}/minutes/comments", new { agendaItemId = itemId, kind = "comment", text = "Merci." }).OkJsonAsync();

        // Assert: the reader hears both changes, their type and version only; the room's list never had her; the stranger is refused.
        var commented = await reader.WaitForEventAsync(e => e.GetProperty("type").GetString() == "MinutesCommented", CallTimeout);
        Assert.Contains(reader.Events, e => e.GetProperty("type").GetString() == "MinutesChanged");
        Assert.Empty(commented.GetProperty("data").EnumerateObject());
        Assert.Equal($"minutes:{meetingId}", commented.GetProperty("topic").GetString());
        var roomList = await room.WaitForPushAsync("presence", null, CallTimeout);
        Assert.DoesNotContain("Amina Diallo", Names(roomList));
        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => stranger.InvokeAsync("Subscribe", $"minutes:{meetingId}", 0).WaitAsync(CallTimeout));
        Assert.Contains("Access to this topic is denied", refused.Message);
    }

    private static readonly int MeetingPresenceCoalescingMs = (int)Collaboration.Grains.Meetings.Presence.MeetingPresenceGrain.Coalescing.TotalMilliseconds;

    [Fact]
    public async Task Reconnecting_WithTheLastVersionSeen_ReturnsExactlyTheMissedChanges()
    {
        var tableId = await CreateTableAsync(_organiser);
        var (memberId, token) = await AddMemberAsync(_organiser, tableId, "Membre");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        await using var member = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, token));
        var seen = (await member.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout)).GetProperty("version").GetInt64();

        await AddAgendaItemAsync(_organiser, meetingId, "Manqué 1");
        await _organiser.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{memberId}", new { status = "excused" }).OkJsonAsync();
        await using var again = await NodeHubClient.ConnectAsync(HubUrl, await MemberCookieAsync(_app.ServerAddress, (await ReissueAsync(tableId, memberId))));
        var catchUp = await again.InvokeAsync("Subscribe", $"meeting:{meetingId}", seen).WaitAsync(CallTimeout);

        Assert.Equal(JsonValueKind.Null, catchUp.GetProperty("snapshot").ValueKind);
        Assert.Equal(["AgendaItemAdded", "AttendanceSet"], catchUp.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    private INoteGrain Notes(string key) => _app.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>(key);

    private async Task<string> ReissueAsync(Guid tableId, Guid memberId) =>
        (await _organiser.PostAsync($"/api/tables/{tableId}/members/{memberId}/link", null).OkJsonAsync())
            .GetProperty("signInLink").GetString()!.Split("#t=")[1];

    private static List<string?> Names(JsonElement presence) =>
        [.. presence.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString())];
}
