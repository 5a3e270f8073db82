using System.Net.Http.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Two web nodes on one PostgreSQL database run the same meeting.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingsPostgresTwoNodesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ChangesOnBothNodes_AreAllKept_AndReachAHubClientOfTheOtherNode()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("meetings");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var organiserA = await nodeA.CreateOrganiserClientAsync();
        var organiserB = await nodeB.CreateOrganiserClientAsync();
        var tableId = await CreateTableAsync(organiserA, quorum: 3);
        var members = new List<Guid>();
        for (var i = 0; i < 6; i++) members.Add((await AddMemberAsync(organiserA, tableId, $"Membre {i}")).MemberId);
        var meetingId = await CreateMeetingAsync(organiserA, tableId);
        await using var watcher = await NodeHubClient.ConnectAsync(new Uri(nodeB.ServerAddress, "/hubs/live").ToString(), await nodeB.SignInCookieAsync());
        await watcher.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);

        var writes = members.Select((m, i) => (i % 2 == 0 ? organiserA : organiserB)
            .PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{m}", new { status = "present" }));
        var responses = await Task.WhenAll(writes).WaitAsync(CallTimeout);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        await watcher.WaitForEventAsync(_ => watcher.Events.Count(e => e.GetProperty("type").GetString() == "AttendanceSet") == 6, CallTimeout);
        // One activation in the cluster: node A reads what node B wrote at once, no waiting.
        var fromA = await GetMeetingAsync(organiserA, meetingId);
        Assert.Equal(6, fromA.GetProperty("quorum").GetProperty("counted").GetInt32());
        Assert.True(fromA.GetProperty("quorum").GetProperty("reached").GetBoolean());
    }

    [Fact]
    public async Task MemberRevokedOnNodeA_IsDisconnectedOnNodeB_AndGetsNoMorePushes()
    {
        // Arrange: the member and an organiser follow the meeting through node B.
        var database = await postgres.Cluster.CreateDatabaseAsync("revoke");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var organiserA = await nodeA.CreateOrganiserClientAsync();
        var tableId = await CreateTableAsync(organiserA);
        var (memberId, token) = await AddMemberAsync(organiserA, tableId, "Membre révoqué");
        var meetingId = await CreateMeetingAsync(organiserA, tableId);
        await ClusterWait.UntilHubsRegisteredAsync(nodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(CallTimeout);
        var hubB = new Uri(nodeB.ServerAddress, "/hubs/live").ToString();
        await using var member = await NodeHubClient.ConnectAsync(hubB, await MemberCookieAsync(nodeB.ServerAddress, token));
        await using var watcher = await NodeHubClient.ConnectAsync(hubB, await nodeB.SignInCookieAsync());
        await member.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);
        await watcher.InvokeAsync("Subscribe", $"meeting:{meetingId}", 0).WaitAsync(CallTimeout);
        await watcher.WaitForPushAsync("presence", p => p.GetProperty("people").GetArrayLength() == 2, CallTimeout);

        // Act: revoked on node A; node B learns it through the live relay (its presence list drops the member).
        (await organiserA.PostAsync($"/api/tables/{tableId}/members/{memberId}/revoke", null)).EnsureSuccessStatusCode();
        await watcher.WaitForPushAsync("presence", p => p.GetProperty("people").GetArrayLength() == 1, CallTimeout);
        await AddAgendaItemAsync(organiserA, meetingId, "Après la révocation");

        // Assert: the watcher gets the change; the member's connection on node B was closed: their session ended.
        await watcher.WaitForEventAsync(e => e.GetProperty("type").GetString() == "AgendaItemAdded", CallTimeout);
        await member.WaitForStateAsync("closed", CallTimeout);
        Assert.DoesNotContain(member.Events, e => e.GetProperty("topic").GetString() == $"meeting:{meetingId}");
    }
}
