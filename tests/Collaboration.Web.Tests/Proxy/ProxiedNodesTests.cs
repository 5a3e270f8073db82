using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Proxy;

/// <summary>
/// Two PostgreSQL nodes behind Debian's nginx, round robin, everything through the one public address: the official
/// SignalR client follows a meeting, sign-in and the CSRF check work, and the rate limits count each real client.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProxiedNodesTests(ProxiedNodes nodes) : IClassFixture<ProxiedNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [NginxFact]
    public async Task TheOfficialClient_FollowsAMeeting_ThroughTheProxy_WhileChangesArriveThroughEitherNode()
    {
        // Arrange: a meeting, and the page's live client (live.js on @microsoft/signalr, in Node) on the proxy's hub.
        var (organiser, cookie) = await ProxyClient.SignInOrganiserAsync(nodes.Proxy.Address);
        var meeting = await CreateMeetingAsync(organiser, await CreateTableAsync(organiser));
        var changes = new MeetingChanges(organiser, meeting);
        await using var follower = await TopicFollower.StartAsync(new Uri(nodes.Proxy.Address, "/hubs/live").ToString(), changes.Topic, cookie, Timeout);
        var from = follower.LastVersion;

        // Act: six agenda items through the proxy, which hands the requests to one node and the other in turn.
        for (var i = 1; i <= 6; i++) Assert.True(await changes.TryAddAsync($"Point {i}"), $"agenda item {i} through the proxy");
        await changes.UntilFollowersCaughtUpAsync([follower], Timeout);

        // Assert: every change, once, in order; the writes went through both nodes; the client never lost its connection.
        await changes.AssertReceivedEverythingAsync(follower, from);
        var agendaWrites = AgendaWriteUpstreams(nodes.Proxy.AccessLog, meeting);
        Assert.Contains($"127.0.0.1:{nodes.A.ServerAddress.Port}", agendaWrites);
        Assert.Contains($"127.0.0.1:{nodes.B.ServerAddress.Port}", agendaWrites);
        Assert.Equal(["reconnecting", "connected"], follower.States);
        Assert.Equal(1, follower.Snapshots); // only the first answer: a page that starts from nothing
    }

    [NginxFact]
    public async Task SignInAndTheCsrfCheck_WorkThroughTheProxy_OnBothNodes()
    {
        // Arrange
        using var anonymous = ProxyClient.From(nodes.Proxy.Address);

        // Act: sign in through the proxy; then the cookie on requests that reach one node and the other.
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = ConcertationFactory.OrganiserEmail, password = "pas-le-bon-mot-de-passe" }).WaitAsync(Timeout);
        var (organiser, cookie) = await ProxyClient.SignInOrganiserAsync(nodes.Proxy.Address);
        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) reads.Add((await organiser.GetAsync("/api/tables").WaitAsync(Timeout)).StatusCode);
        using var withoutHeader = ProxyClient.From(nodes.Proxy.Address);
        withoutHeader.DefaultRequestHeaders.Add("Cookie", cookie);
        var forged = await withoutHeader.PostAsJsonAsync("/api/tables", new { name = "Table forgée", quorum = 2 }).WaitAsync(Timeout);
        var created = await organiser.PostAsJsonAsync("/api/tables", new { name = "Table par le mandataire", quorum = 2 }).WaitAsync(Timeout);
        using var crossSite = new HttpRequestMessage(HttpMethod.Get, "/hubs/live");
        crossSite.Headers.Add("Origin", "https://autre-site.example");
        var crossSiteHub = await anonymous.SendAsync(crossSite).WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.All(reads, status => Assert.Equal(HttpStatusCode.OK, status));
        var tableReads = nodes.Proxy.AccessLog.Split('\n').Where(l => l.StartsWith("GET /api/tables ", StringComparison.Ordinal)).ToList();
        Assert.Contains(tableReads, l => l.EndsWith($":{nodes.A.ServerAddress.Port}", StringComparison.Ordinal));
        Assert.Contains(tableReads, l => l.EndsWith($":{nodes.B.ServerAddress.Port}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("csrf-header-missing", (await forged.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.True(created.IsSuccessStatusCode, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.Forbidden, crossSiteHub.StatusCode);
        Assert.Equal("cross-origin", (await crossSiteHub.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [NginxFact]
    public async Task TheRateLimits_CountEachClientsOwnAddress_NotTheProxys()
    {
        // Arrange: two clients on this machine from addresses of their own; nginx passes each one's address on.
        using var first = ProxyClient.From(nodes.Proxy.Address, IPAddress.Parse("127.0.0.2"));
        using var second = ProxyClient.From(nodes.Proxy.Address, IPAddress.Parse("127.0.0.3"));
        var read = $"/api/attestations/verify/{Guid.NewGuid():N}";

        // Act: the first client reads until refused (each node counts it: at most twice the limit, then once more).
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * ProxiedNodes.PublicReadsPerMinute + 2 && !answers.Contains(HttpStatusCode.TooManyRequests); i++)
            answers.Add((await first.GetAsync(read).WaitAsync(Timeout)).StatusCode);
        using var smuggled = new HttpRequestMessage(HttpMethod.Get, read);
        smuggled.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var withItsOwnForwardedFor = await first.SendAsync(smuggled).WaitAsync(Timeout);
        var secondAnswer = await second.GetAsync(read).WaitAsync(Timeout);

        // Assert: the first client is refused; its own X-Forwarded-For does not make it someone else (nginx sets the
        // header, it does not append); the second client, behind the same proxy, is not refused.
        Assert.Contains(HttpStatusCode.OK, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, withItsOwnForwardedFor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondAnswer.StatusCode);
    }

    /// <summary>The upstream (node) of each agenda write of the meeting in nginx's access log.</summary>
    private static List<string> AgendaWriteUpstreams(string accessLog, Guid meeting) =>
        [.. accessLog.Split('\n').Where(l => l.StartsWith($"POST /api/meetings/{meeting}/agenda ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[^1])];
}
