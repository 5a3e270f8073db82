using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Meetings;
using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Xunit.Abstractions;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>
/// Votes and the speaking queue across two web nodes on one PostgreSQL, members on the official .NET SignalR client:
/// every device ends with the stored tally and the same queue order; a node killed (SIGKILL) mid-vote loses no
/// acknowledged ballot and the vote goes on.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingsPostgresVotesTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Choices = ["for", "against", "abstain"];

    /// <summary>A member: id, cookie, the node they use, their device.</summary>
    private sealed record Member(Guid Id, string Name, string Cookie, int Node)
    {
        public MeetingFollower Device { get; set; } = null!;
    }

    [Fact]
    public async Task SixtyMembers_HalfOnEachNode_VoteAtOnce_EveryDeviceEndsWithTheStoredTally_AndTheQueueIsInOneOrderEverywhere()
    {
        // Arrange: two nodes; 60 members, the first half on node A, the other on node B, each with their own device.
        var database = await postgres.Cluster.CreateDatabaseAsync("votes");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var nodes = new[] { nodeA.ServerAddress, nodeB.ServerAddress };
        await ClusterWait.UntilHubsRegisteredAsync(nodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(Timeout);
        var chair = await nodeA.CreateOrganiserClientAsync();
        var tableId = await CreateTableAsync(chair, "Table régionale", quorum: 31);
        var members = await MembersAsync(chair, tableId, nodes, count: 60);
        var meetingId = await CreateMeetingAsync(chair, tableId);
        await AddAgendaItemAsync(chair, meetingId, "Plan d'action 2027");
        await ConnectDevicesAsync(members, meetingId, nodes);
        await chair.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        await Task.WhenAll(members.Select(m => SendAsync(http, nodes, m, HttpMethod.Put, $"/api/meetings/{meetingId}/attendance/{m.Id}", new { status = "present" })));
        var motionId = (await chair.PostAsJsonAsync($"/api/meetings/{meetingId}/motions", new
        {
            text = "la Table adopte son plan d'action 2027", proposerId = members[0].Id, seconderId = members[30].Id, kind = "open", totalsVisible = true,
        }).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();

        // Act: all 60 vote at once through their own node, then each changes their mind at once (the last choice counts).
        var first = await Task.WhenAll(members.Select((m, i) => SendAsync(http, nodes, m, HttpMethod.Put,
            $"/api/meetings/{meetingId}/motions/{motionId}/ballot", new { choice = Choices[(i + 1) % 3] })));
        var last = await Task.WhenAll(members.Select((m, i) => SendAsync(http, nodes, m, HttpMethod.Put,
            $"/api/meetings/{meetingId}/motions/{motionId}/ballot", new { choice = Choices[i % 3] })));

        // Assert: 60 ballots stored, each member's last choice; every device, on either node, ends with exactly that tally.
        Assert.All(first.Concat(last), r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var stored = (await chair.GetAsync($"/api/meetings/{meetingId}/motions/{motionId}").OkJsonAsync()).GetProperty("motion");
        var storedTally = Tally(stored.GetProperty("tally"));
        Assert.Equal((20, 20, 20, 60), storedTally);
        Assert.All(members.Select((m, i) => (m, i)), x => Assert.Equal(Choices[x.i % 3],
            stored.GetProperty("votes").EnumerateArray().Single(v => v.GetProperty("memberId").GetGuid() == x.m.Id).GetProperty("choice").GetString(),
            StringComparer.OrdinalIgnoreCase));
        var version = (await GetMeetingAsync(chair, meetingId)).GetProperty("version").GetInt64();
        await Task.WhenAll(members.Select(m => m.Device.CatchUpAsync(version, Timeout)));
        Assert.All(members, m => Assert.Equal(storedTally, m.Device.TallyOf(motionId)));

        // Act: 20 members, ten on each node, ask for the floor at once.
        var hands = members.Where((_, i) => i % 3 == 0).ToList();
        var raised = await Task.WhenAll(hands.Select(m => SendAsync(http, nodes, m, HttpMethod.Put, $"/api/meetings/{meetingId}/floor/hands/{m.Id}", null)));

        // Assert: one order, the stored one, on all 60 devices.
        Assert.All(raised, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var meeting = await GetMeetingAsync(chair, meetingId);
        var queue = meeting.GetProperty("floor").GetProperty("queue").EnumerateArray().Select(h => h.GetProperty("memberId").GetGuid()).ToList();
        Assert.Equal(hands.Select(m => m.Id).Order(), queue.Order());
        await Task.WhenAll(members.Select(m => m.Device.CatchUpAsync(meeting.GetProperty("version").GetInt64(), Timeout)));
        Assert.All(members, m => Assert.Equal(queue, m.Device.Queue()));
        foreach (var member in members) await member.Device.DisposeAsync();
    }

    [Fact]
    public async Task NodeKilledDuringAVote_TheVoteGoesOn_AndNoAcknowledgedBallotIsLost()
    {
        // Arrange: the survivor in this process; the victim in its own, hosting the meeting; 16 members, half on each.
        var database = await postgres.CreateDatabaseAsync("votekill");
        await using var survivor = new ConcertationFactory(database, kestrel: true, services => services.Configure<ClusterMembershipOptions>(FailureDetection.Fast));
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, Timeout);
        var grains = survivor.Services.GetRequiredService<IGrainFactory>();
        await ClusterWait.UntilHubsRegisteredAsync(grains, 2).WaitAsync(Timeout);
        var (chair, _) = await victim.SignInOrganiserAsync(CallTimeout);
        var tableId = await CreateTableAsync(chair, "Table régionale", quorum: 9);
        var victimSilo = (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys
            .Single(s => !s.Equals(survivor.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress));
        var nodes = new[] { victim.Address, survivor.ServerAddress };
        var members = await MembersAsync(chair, tableId, nodes, count: 16);
        var meetingId = await HostedByAsync(victimSilo, grains, () => CreateMeetingAsync(chair, tableId));
        await AddAgendaItemAsync(chair, meetingId, "Plan d'action 2027");
        await ConnectDevicesAsync(members, meetingId, nodes);
        await chair.PostAsync($"/api/meetings/{meetingId}/start", null).OkJsonAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(20) };
        foreach (var m in members) (await SendAsync(http, nodes, m, HttpMethod.Put, $"/api/meetings/{meetingId}/attendance/{m.Id}", new { status = "present" })).EnsureSuccessStatusCode();
        var motionId = (await chair.PostAsJsonAsync($"/api/meetings/{meetingId}/motions", new
        {
            text = "la Table adopte son plan d'action 2027", proposerId = members[0].Id, seconderId = members[8].Id, kind = "open", totalsVisible = true,
        }).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();

        // Act: each member votes again and again (a new choice each time), through their node while it lives, through the
        // survivor once theirs is gone (as a load balancer would send them); the victim is killed by the 40th acknowledgement
        // itself, so that 88 ballots are still to come (a poll from outside came too late: a ballot takes milliseconds).
        const int BallotsEach = 8;
        const int BallotsBeforeKill = 40;
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var count = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sinceKill = new Stopwatch();
        var errors = new ConcurrentBag<string>();
        var voting = members.Select((m, i) => Task.Run(async () =>
        {
            for (var n = 0; n < BallotsEach; n++)
            {
                var choice = Choices[(i + n) % 3];
                // Until acknowledged: a ballot whose answer was lost may or may not be in; the next one settles it.
                while (true)
                {
                    var node = killed.Task.IsCompleted ? 1 : m.Node;
                    try
                    {
                        var response = await SendAsync(http, nodes, m with { Node = node }, HttpMethod.Put, $"/api/meetings/{meetingId}/motions/{motionId}/ballot", new { choice });
                        if (response.IsSuccessStatusCode) break;
                        errors.Add($"{(int)response.StatusCode}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
                    {
                        errors.Add(e.GetType().Name);
                    }
                    await Task.Delay(200);
                }
                acknowledged[m.Id] = choice;
                if (Interlocked.Increment(ref count) == BallotsBeforeKill)
                {
                    sinceKill.Start();
                    victim.Kill();
                    killed.SetResult();
                }
                await Task.Delay(10);
            }
        })).ToList();
        await Task.WhenAll(voting).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(killed.Task.IsCompleted);
        output.WriteLine($"all ballots acknowledged {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill; refused or lost answers meanwhile: {errors.Count} ({string.Join(", ", errors.GroupBy(e => e).Select(g => $"{g.Key} ×{g.Count()}"))})");

        // Assert: once the survivor has declared the victim dead (until then a call whose grain was there answers 503, as
        // the sign-in did once), the meeting lives on the survivor; each member's last acknowledged choice is what is stored.
        var membership = survivor.Services.GetRequiredService<IClusterMembershipService>();
        await Poll.UntilAsync(() => Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(victimSilo) == SiloStatus.Dead), Timeout, "the survivor declares the victim dead");
        var organiser = await survivor.CreateOrganiserClientAsync();
        var stored = (await organiser.GetAsync($"/api/meetings/{meetingId}/motions/{motionId}").OkJsonAsync()).GetProperty("motion");
        var votes = stored.GetProperty("votes").EnumerateArray().ToDictionary(v => v.GetProperty("memberId").GetGuid(), v => v.GetProperty("choice").GetString()!.ToLowerInvariant());
        Assert.Equal(members.Count, votes.Count);
        Assert.All(members, m => Assert.Equal(acknowledged[m.Id], votes[m.Id]));
        var tally = Tally(stored.GetProperty("tally"));
        Assert.Equal((acknowledged.Values.Count(c => c == "for"), acknowledged.Values.Count(c => c == "against"), acknowledged.Values.Count(c => c == "abstain"), members.Count), tally);

        // Assert: every device, those of the dead node come back through the survivor, ends with the stored tally; the chair closes the vote.
        var version = (await GetMeetingAsync(organiser, meetingId)).GetProperty("version").GetInt64();
        var survivorHub = new Uri(survivor.ServerAddress, "/hubs/live");
        await Task.WhenAll(members.Where(m => m.Node == 0).Select(m => m.Device.MoveToAsync(survivorHub, Timeout)));
        await Task.WhenAll(members.Select(m => m.Device.CatchUpAsync(version, Timeout)));
        Assert.All(members, m => Assert.Equal(tally, m.Device.TallyOf(motionId)));
        var closed = await organiser.PostAsync($"/api/meetings/{meetingId}/motions/{motionId}/close", null).OkJsonAsync();
        Assert.Equal(members.Count, Tally((await organiser.GetAsync($"/api/meetings/{meetingId}/motions/{motionId}").OkJsonAsync())
            .GetProperty("motion").GetProperty("tally")).Ballots);
        Assert.True(closed.GetProperty("version").GetInt64() > version);
        foreach (var member in members) await member.Device.DisposeAsync();
    }

    /// <summary>Adds the members and signs each in on their node (first half: node 0).</summary>
    private static async Task<List<Member>> MembersAsync(HttpClient chair, Guid tableId, Uri[] nodes, int count)
    {
        var added = new List<(Guid Id, string Name, string Token)>();
        for (var i = 0; i < count; i++)
        {
            var name = $"Membre {i + 1:00}";
            var (id, token) = await AddMemberAsync(chair, tableId, name);
            added.Add((id, name, token));
        }
        var members = new List<Member>();
        foreach (var (m, i) in added.Select((m, i) => (m, i)))
        {
            var node = i < count / 2 ? 0 : 1;
            members.Add(new Member(m.Id, m.Name, await MemberCookieAsync(nodes[node], m.Token), node));
        }
        return members;
    }

    /// <summary>Each member's device follows the meeting through their node.</summary>
    private static Task ConnectDevicesAsync(List<Member> members, Guid meetingId, Uri[] nodes) =>
        Task.WhenAll(members.Select(async m =>
            m.Device = await MeetingFollower.ConnectAsync(new Uri(nodes[m.Node], "/hubs/live"), m.Cookie, meetingId, m.Name, Timeout)));

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Uri[] nodes, Member member, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(nodes[member.Node], path));
        request.Headers.Add("Cookie", member.Cookie);
        request.Headers.Add("X-CSRF", "1");
        if (body is not null) request.Content = JsonContent.Create(body);
        return http.SendAsync(request).WaitAsync(Timeout);
    }

    private static (int For, int Against, int Abstain, int Ballots) Tally(JsonElement tally) =>
        (tally.GetProperty("for").GetInt32(), tally.GetProperty("against").GetInt32(), tally.GetProperty("abstain").GetInt32(), tally.GetProperty("ballots").GetInt32());

    /// <summary>Creates meetings through the victim (PreferLocal placement) until one is hosted by its silo.</summary>
    private static async Task<Guid> HostedByAsync(SiloAddress silo, IGrainFactory grains, Func<Task<Guid>> create)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var id = await create();
            if (silo.Equals(await management.GetActivationAddress(grains.GetGrain<IMeetingGrain>(id)).AsTask().WaitAsync(CallTimeout))) return id;
        }
        throw new InvalidOperationException($"No meeting created through the victim was hosted by {silo}.");
    }
}
