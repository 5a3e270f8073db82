using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>
/// The desk's push across nodes, on one PostgreSQL: an arrival scanned on node A reaches a desk subscribed on node B
/// ahead of the figures (the client method <c>ahead</c>, from the registration's own write) and then once in the
/// topic's versions (<c>event</c>, from the colloque's write) — one of each, with the same check-in version, which
/// the desk applies once. A second scan of the badge pushes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeskPushAcrossNodesTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ArrivalScannedOnNodeA_ReachesADeskOnNodeB_AheadOnce_ThenInTheTopicsVersionsOnce()
    {
        // Arrange: the registration made on node A (it lives there); a desk paired and subscribed on node B.
        var database = await postgres.Cluster.CreateDatabaseAsync("desk_push");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser);
        var code = await RegisterAsync(organiser, colloque, "Karim Bouchard", "institution");
        var other = await RegisterAsync(organiser, colloque, "Line Gagnon", "employeur");
        var (_, pairing) = await CreateDeskAsync(organiser, colloque, "Accueil B");
        using var pairingClient = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = nodeB.ServerAddress };
        pairingClient.DefaultRequestHeaders.Add("X-CSRF", "1");
        var paired = await pairingClient.PostAsJsonAsync("/api/desks/pair", new { pairingCode = pairing }).WaitAsync(Timeout);
        paired.EnsureSuccessStatusCode();
        await using var desk = await NodeHubClient.ConnectAsync(new Uri(nodeB.ServerAddress, "/hubs/live").ToString(), new NodeHubClientOptions
        {
            Cookie = paired.Headers.GetValues("Set-Cookie").First().Split(';')[0],
            ClientMethods = ["event", "ahead"],
            Timeout = Timeout,
        });
        await desk.InvokeAsync("Subscribe", $"colloque:{colloque}", 0).WaitAsync(Timeout);
        await ClusterWait.UntilHubsRegisteredAsync(nodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(Timeout);

        // Act: node A's organiser desk scans the badge, then again; then another badge (which marks the end of what was pushed).
        Assert.Equal("checkedIn", (await ScanAsync(organiser, colloque, code)).GetProperty("result").GetString());
        Assert.Equal("alreadyCheckedIn", (await ScanAsync(organiser, colloque, code)).GetProperty("result").GetString());
        await ScanAsync(organiser, colloque, other);

        // Assert: for the first badge, one push ahead and one versioned event, both the same arrival.
        await desk.WaitForPushAsync("ahead", p => Code(p) == other, Timeout);
        await desk.WaitForPushAsync("event", p => Code(p) == other && Type(p) == "AttendeeArrived", Timeout);
        var pushes = desk.Pushes.Where(p => Code(p.Data) == code).ToList();
        var ahead = Assert.Single(pushes, p => p.Method == "ahead");
        var versioned = Assert.Single(pushes, p => p.Method == "event");
        Assert.Equal("AttendeeArrived", Type(ahead.Data));
        Assert.Equal("AttendeeArrived", Type(versioned.Data));
        Assert.Equal($"colloque:{colloque}", ahead.Data.GetProperty("topic").GetString());
        Assert.Equal(0, ahead.Data.GetProperty("version").GetInt64()); // outside the topic's versions: no gap for the client
        Assert.True(versioned.Data.GetProperty("version").GetInt64() > 0);
        var (aheadData, versionedData) = (ahead.Data.GetProperty("data"), versioned.Data.GetProperty("data"));
        Assert.Equal(1, aheadData.GetProperty("checkInVersion").GetInt64());
        Assert.Equal(versionedData.GetProperty("checkInVersion").GetInt64(), aheadData.GetProperty("checkInVersion").GetInt64());
        Assert.Equal(versionedData.GetProperty("at").GetDateTimeOffset(), aheadData.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("institution", aheadData.GetProperty("category").GetString());
        Assert.DoesNotContain("Karim", ahead.Data.ToString()); // no names on the topic, ahead or not
    }

    private static string? Code(JsonElement envelope) =>
        envelope.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("code", out var code) ? code.GetString() : null;

    private static string? Type(JsonElement envelope) => envelope.GetProperty("type").GetString();
}
