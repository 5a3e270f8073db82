using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Meetings.Presence;
using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Xunit.Abstractions;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Two web nodes on one PostgreSQL database run the same meeting.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingsPostgresTwoNodesTests(PostgresFixture postgres, ITestOutputHelper output)
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

    [Fact]
    public async Task Presence_AMemberOnNodeB_ShowsOnNodeA_AsOnePerson_WithTwoDevices()
    {
        // Arrange: the organiser follows the meeting through node A.
        var database = await postgres.Cluster.CreateDatabaseAsync("presence");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var organiserA = await nodeA.CreateOrganiserClientAsync();
        var tableId = await CreateTableAsync(organiserA);
        var (_, token) = await AddMemberAsync(organiserA, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(organiserA, tableId);
        var topic = $"meeting:{meetingId}";
        await using var watcher = await NodeHubClient.ConnectAsync(new Uri(nodeA.ServerAddress, "/hubs/live").ToString(), await nodeA.SignInCookieAsync());
        await watcher.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);

        // Act: the member opens the meeting on node B from a laptop and a phone.
        var hubB = new Uri(nodeB.ServerAddress, "/hubs/live").ToString();
        var cookie = await MemberCookieAsync(nodeB.ServerAddress, token);
        await using var laptop = await NodeHubClient.ConnectAsync(hubB, cookie);
        await laptop.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        await using var phone = await NodeHubClient.ConnectAsync(hubB, cookie);
        await phone.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);

        // Assert: node A's screen shows her, once; her phone on node B is told the same list.
        var seenOnA = await watcher.WaitForPushAsync("presence", p => Names(p).Contains("Amina Diallo"), CallTimeout);
        var toldOnB = await phone.WaitForPushAsync("presence", null, CallTimeout);
        Assert.Equal(2, seenOnA.GetProperty("people").GetArrayLength());
        Assert.Equal(Names(seenOnA).Order(), Names(toldOnB).Order());

        // Act: she closes both.
        await laptop.DisposeAsync();
        await phone.DisposeAsync();

        // Assert: node A's screen drops her.
        await watcher.WaitForPushAsync("presence", p => !Names(p).Contains("Amina Diallo"), CallTimeout);
    }

    [Theory]
    [InlineData(true)]  // the grain dies with the node: re-activated on the survivor by its next heartbeat, without them
    [InlineData(false)] // the grain lives on: their connections expire, no heartbeat having come for them
    public async Task Presence_AKilledNodesClients_DropOutWithin30Seconds(bool victimHoldsThePresenceGrain)
    {
        // Arrange: the survivor in this process, the victim in its own; both place a grain where it is first called, and
        // whoever opens the meeting first (the victim's two members, or the survivor's organiser) activates its presence grain.
        var database = await postgres.CreateDatabaseAsync("presencekill");
        await using var survivor = new ConcertationFactory(database, kestrel: true, services => services.Configure<ClusterMembershipOptions>(FailureDetection.Fast),
            ("Orleans:Placement", "PreferLocal"));
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, TimeSpan.FromSeconds(90));
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        await ClusterWait.UntilHubsRegisteredAsync(grains, 2).WaitAsync(CallTimeout);
        var (chair, _) = await victim.SignInOrganiserAsync(CallTimeout);
        var tableId = await CreateTableAsync(chair);
        var meetingId = await CreateMeetingAsync(chair, tableId);
        var topic = $"meeting:{meetingId}";
        var members = new List<string>();
        foreach (var name in new[] { "Amina Diallo", "Louis Tremblay" }) members.Add(await MemberCookieAsync(victim.Address, (await AddMemberAsync(chair, tableId, name)).Token));
        await using var watcher = await NodeHubClient.ConnectAsync(new Uri(survivor.ServerAddress, "/hubs/live").ToString(), await survivor.SignInCookieAsync());
        if (!victimHoldsThePresenceGrain) await watcher.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        var devices = new List<NodeHubClient>();
        foreach (var cookie in members)
        {
            var device = await NodeHubClient.ConnectAsync(new Uri(victim.Address, "/hubs/live").ToString(), cookie);
            devices.Add(device);
            await device.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        }
        if (victimHoldsThePresenceGrain) await watcher.InvokeAsync("Subscribe", topic, 0).WaitAsync(CallTimeout);
        await watcher.WaitForPushAsync("presence", p => p.GetProperty("people").GetArrayLength() == 3, CallTimeout);
        var survivorSilo = survivor.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var host = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IMeetingPresenceGrain>(meetingId)).AsTask().WaitAsync(CallTimeout);
        Assert.Equal(victimHoldsThePresenceGrain, !survivorSilo.Equals(host));

        // Act: the victim is killed (SIGKILL: its connections never say goodbye).
        var pushedBefore = watcher.Pushes.Count;
        var sinceKill = Stopwatch.StartNew();
        victim.Kill();

        // Assert: the survivor's screen has only its own organiser left, within 30 s of the kill (a list pushed after it).
        JsonElement after = default;
        await Poll.UntilAsync(() =>
        {
            var alone = watcher.Pushes.Skip(pushedBefore).Where(p => p.Method == "presence" && p.Data.GetProperty("people").GetArrayLength() == 1).ToList();
            if (alone.Count > 0) after = alone[^1].Data;
            return Task.FromResult(alone.Count > 0);
        }, TimeSpan.FromSeconds(30), "the survivor's screen without the killed node's clients");
        output.WriteLine($"the killed node's two clients dropped out {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill (presence grain on the {(victimHoldsThePresenceGrain ? "victim" : "survivor")})");
        Assert.DoesNotContain("Amina Diallo", Names(after));
        Assert.DoesNotContain("Louis Tremblay", Names(after));
        foreach (var device in devices) await device.DisposeAsync();
    }

    private static List<string?> Names(JsonElement presence) =>
        [.. presence.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString())];
}
