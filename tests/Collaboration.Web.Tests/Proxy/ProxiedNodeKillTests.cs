using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Proxy;

/// <summary>
/// Two PostgreSQL nodes behind Debian's nginx; one of them, in an OS process of its own, is killed (SIGKILL) while
/// the official SignalR client follows a meeting through the proxy.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProxiedNodeKillTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [NginxFact]
    public async Task ANodeIsKilled_TheClientCarriesOnThroughTheProxyOnTheSurvivor_WithEveryChange()
    {
        // Arrange: the survivor in this process (quick to notice a dead silo), the victim in a process of its own, and
        // nginx in front of both. The meeting lives on the survivor (made there, placed where made), so what is tested is
        // the proxy and the client, not the grain's own failover (PostgresSiloFailoverTests).
        var database = await postgres.CreateDatabaseAsync("proxied_kill").WaitAsync(Timeout);
        await using var survivor = new ConcertationFactory(database, kestrel: true,
            services => services.Configure<ClusterMembershipOptions>(FailureDetection.Fast), ("Orleans:Placement", "PreferLocal"));
        await using var victim = await WebNodeProcess.StartPostgresAsync(database, Timeout);
        await ClusterWait.UntilHubsRegisteredAsync(survivor.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(Timeout);
        await using var proxy = await NginxProxy.StartAsync([survivor.ServerAddress, victim.Address]).WaitAsync(Timeout);
        var (direct, _) = await ProxyClient.SignInOrganiserAsync(survivor.ServerAddress);
        var meeting = await CreateMeetingAsync(direct, await CreateTableAsync(direct));
        var (organiser, cookie) = await ProxyClient.SignInOrganiserAsync(proxy.Address);
        var changes = new MeetingChanges(organiser, meeting);

        // Two followers opened one after the other: round robin gives one to each node.
        var hub = new Uri(proxy.Address, "/hubs/live").ToString();
        await using var first = await TopicFollower.StartAsync(hub, changes.Topic, cookie, Timeout);
        await using var second = await TopicFollower.StartAsync(hub, changes.Topic, cookie, Timeout);
        TopicFollower[] followers = [first, second];
        var from = followers.Select(f => f.LastVersion).ToArray();
        for (var i = 1; i <= 3; i++) await changes.AddAsync($"Avant {i}", Timeout);
        await changes.UntilFollowersCaughtUpAsync(followers, Timeout);

        // Act: the victim dies without a word; changes go on through the proxy.
        victim.Kill();
        for (var i = 1; i <= 5; i++) await changes.AddAsync($"Après {i}", Timeout);
        await changes.UntilFollowersCaughtUpAsync(followers, Timeout);

        // Assert: the victim held one of the live connections (nginx logs it when it ends), that follower lost it and
        // came back through the proxy; both have every change, once, in order, the missed ones replayed by version.
        Assert.Contains(proxy.AccessLog.Split('\n'), l => l.StartsWith("GET /hubs/live ", StringComparison.Ordinal) && l.EndsWith($":{victim.Address.Port}", StringComparison.Ordinal));
        Assert.Contains(followers, f => f.States.Count(s => s == "connected") == 2);
        for (var i = 0; i < followers.Length; i++)
        {
            await changes.AssertReceivedEverythingAsync(followers[i], from[i]);
            Assert.Equal(1, followers[i].Snapshots); // only the first answer: after the reconnect, the missed events
        }
    }
}
