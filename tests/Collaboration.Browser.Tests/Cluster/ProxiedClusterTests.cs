using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Cluster;

/// <summary>
/// One public address for two nodes: Chromium through Debian's nginx (round robin, the repository's config) in front
/// of two nodes on PostgreSQL. Every page load reaches the live state and shows changes made through either node,
/// sign-in and the CSRF header work through the proxy, and a page carries on on the survivor when a node stops.
/// </summary>
[Collection(ProxiedClusterCollection.Name)]
public sealed class ProxiedClusterTests(ProxiedClusterFixture cluster, ITestOutputHelper output)
{
    private const int Loads = 10;

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task EveryPageLoad_ReachesTheLiveState_ThroughARoundRobinProxy(string viewport)
    {
        // Arrange: a table and a meeting, made through the proxy; the organiser signs in on the proxy's login page.
        using var api = await cluster.OrganiserApiAsync();
        var (meetingId, _) = await ArrangeMeetingAsync(api, $"Rencontre {viewport}");
        await using var session = await cluster.NewSessionAsync(output, viewport);
        var page = session.Page;
        await session.SignInAsOrganiserAsync("/meetings.html");

        for (var load = 1; load <= Loads; load++)
        {
            // Act: a fresh load of a public page, then of the meeting room.
            await page.GotoAsync(load % 2 == 0 ? "/workshops/" : "/");
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");
            await page.GotoAsync($"/meeting.html?id={meetingId}");
            await Expect(session.ConnectionState).ToHaveAttributeAsync("data-state", "connected");

            // Assert: a change made through the proxy (either node) reaches the open room without a reload.
            var title = $"Point {load} ({viewport})";
            await PostAsync(api, $"/api/meetings/{meetingId}/agenda", new { title, plannedMinutes = 5 });
            await Expect(page.GetByTestId("agenda-item").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        }

        // The loads were spread over both nodes: each served live connections.
        var served = LiveConnectionUpstreams(cluster.Proxy.AccessLog);
        Assert.True(served.Count == 2, $"live connections went to {string.Join(", ", served)}{Environment.NewLine}{cluster.Proxy.AccessLog}");
    }

    /// <summary>A table of its own and a draft meeting in it; the meeting's id and its first agenda item.</summary>
    private static async Task<(Guid MeetingId, Guid TableId)> ArrangeMeetingAsync(HttpClient api, string title)
    {
        var tableId = (await PostAsync(api, "/api/tables", new { name = $"Table {Guid.NewGuid():N}"[..20], quorum = 1 })).GetProperty("id").GetGuid();
        var meetingId = (await PostAsync(api, "/api/meetings", new { tableId, title, startsAt = DateTimeOffset.UtcNow.AddDays(1).ToString("O"), location = "Salle B-204" }))
            .GetProperty("id").GetGuid();
        return (meetingId, tableId);
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body).WaitAsync(Timeouts.Http);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The upstream nodes that answered the hub's WebSocket requests (101) in nginx's access log.</summary>
    private static HashSet<string> LiveConnectionUpstreams(string accessLog) =>
        accessLog.Split('\n').Where(l => l.StartsWith("GET /hubs/live", StringComparison.Ordinal) && l.Contains(" 101 ", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf(' ') + 1)..].Trim()).ToHashSet();
}
