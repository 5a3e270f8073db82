using System.Text.Json;
using Collaboration.Grains.Live;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Collaboration.Web.Tests.TestDoubles;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>Live events across two nodes: pushes from a grain on node A to node B, and replay by version on either node.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveReplayAcrossNodesTests(PostgresTwoWebNodes nodes) : IClassFixture<PostgresTwoWebNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventsWrittenThroughNodeA_ReachASubscriberOnNodeB_EachOnceAndInOrder()
    {
        // Arrange: a note grain on node A's silo, a subscriber on node B.
        var key = await nodes.NoteHostedByAAsync("a-to-b");
        var topic = $"test-note:{key}";
        await using var onB = await NodeHubClient.ConnectAsync(nodes.HubOf(nodes.B), nodes.Cookie);
        await onB.InvokeAsync("Subscribe", topic, 0).WaitAsync(Timeout);

        // Act: ten changes through node A.
        for (var i = 1; i <= 10; i++) await Notes(key).AddAsync($"note {i}").WaitAsync(Timeout);

        // Assert
        await onB.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == 10, Timeout);
        var pushed = onB.Events.Where(e => e.GetProperty("topic").GetString() == topic).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), pushed.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("note 1", pushed[0].GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReconnectToTheOtherNode_WithTheLastVersionSeen_GetsExactlyTheMissedEvents_ThenTheNextPushes()
    {
        // Arrange: a subscriber on node B sees versions 1..3, then goes away; 5 more changes are made.
        var key = await nodes.NoteHostedByAAsync("reconnect");
        var topic = $"test-note:{key}";
        long lastSeen;
        await using (var first = await NodeHubClient.ConnectAsync(nodes.HubOf(nodes.B), nodes.Cookie))
        {
            await first.InvokeAsync("Subscribe", topic, 0).WaitAsync(Timeout);
            for (var i = 1; i <= 3; i++) await Notes(key).AddAsync($"avant {i}").WaitAsync(Timeout);
            lastSeen = (await first.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == 3, Timeout)).GetProperty("version").GetInt64();
        }
        for (var i = 1; i <= 5; i++) await Notes(key).AddAsync($"pendant {i}").WaitAsync(Timeout);

        // Act: it comes back through node A with the last version it saw; then one more change.
        await using var again = await NodeHubClient.ConnectAsync(nodes.HubOf(nodes.A), nodes.Cookie);
        var replay = await again.InvokeAsync("Subscribe", topic, lastSeen).WaitAsync(Timeout);
        await Notes(key).AddAsync("après").WaitAsync(Timeout);

        // Assert: exactly versions 4..8 in the answer, no snapshot; then version 9 pushed, and nothing it already had.
        Assert.Equal(8, replay.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, replay.GetProperty("snapshot").ValueKind);
        var missed = replay.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([4L, 5, 6, 7, 8], missed.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(["pendant 1", "pendant 2", "pendant 3", "pendant 4", "pendant 5"],
            missed.Select(e => e.GetProperty("data").GetProperty("text").GetString()));
        await again.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == 9, Timeout);
        Assert.DoesNotContain(again.Events, e => e.GetProperty("version").GetInt64() <= lastSeen);
    }

    [Fact]
    public async Task ReconnectMoreThanTheTailBehind_GetsASnapshot_WhileOneWithinTheTailGetsEvents()
    {
        // Arrange: 300 changes, more than the 256 events a grain keeps.
        var key = await nodes.NoteHostedByAAsync("too-old");
        var topic = $"test-note:{key}";
        const int changes = 300;
        for (var i = 1; i <= changes; i++) await Notes(key).AddAsync($"note {i}").WaitAsync(Timeout);
        const long oldestReplayable = changes - LiveLog.TailLength; // the tail holds versions 45..300
        await using var client = await NodeHubClient.ConnectAsync(nodes.HubOf(nodes.B), nodes.Cookie);

        // Act
        var tooOld = await client.InvokeAsync("Subscribe", topic, oldestReplayable - 1).WaitAsync(Timeout);
        var withinTail = await client.InvokeAsync("Subscribe", topic, oldestReplayable).WaitAsync(Timeout);

        // Assert
        Assert.Equal(changes, tooOld.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, tooOld.GetProperty("events").ValueKind);
        Assert.Equal(changes, tooOld.GetProperty("snapshot").GetProperty("notes").GetArrayLength());
        Assert.Equal(changes, tooOld.GetProperty("snapshot").GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, withinTail.GetProperty("snapshot").ValueKind);
        Assert.Equal(Enumerable.Range((int)oldestReplayable + 1, LiveLog.TailLength).Select(v => (long)v),
            withinTail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task SubscribeWithoutAVersion_ReturnsASnapshot_OnEitherNode()
    {
        // Arrange
        var key = await nodes.NoteHostedByAAsync("from-scratch");
        var topic = $"test-note:{key}";
        await Notes(key).AddAsync("première").WaitAsync(Timeout);
        await Notes(key).AddAsync("deuxième").WaitAsync(Timeout);
        await using var onA = await NodeHubClient.ConnectAsync(nodes.HubOf(nodes.A), nodes.Cookie);
        await using var onB = await NodeHubClient.ConnectAsync(nodes.HubOf(nodes.B), nodes.Cookie);

        // Act
        var fromA = await onA.InvokeAsync("Subscribe", topic, null).WaitAsync(Timeout);
        var fromB = await onB.InvokeAsync("Subscribe", topic, null).WaitAsync(Timeout);
        var neverWritten = await onB.InvokeAsync("Subscribe", $"test-note:{key}-empty", null).WaitAsync(Timeout);

        // Assert
        foreach (var result in new[] { fromA, fromB })
        {
            Assert.Equal(2, result.GetProperty("version").GetInt64());
            Assert.Equal(JsonValueKind.Null, result.GetProperty("events").ValueKind);
            Assert.Equal(["première", "deuxième"], result.GetProperty("snapshot").GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        }
        Assert.Equal(0, neverWritten.GetProperty("version").GetInt64());
        Assert.Equal(0, neverWritten.GetProperty("snapshot").GetProperty("notes").GetArrayLength());
    }

    private INoteGrain Notes(string key) => nodes.GrainsOfA.GetGrain<INoteGrain>(key);
}
