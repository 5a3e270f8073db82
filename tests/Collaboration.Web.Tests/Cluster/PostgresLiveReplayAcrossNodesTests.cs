using System.Text.Json;
using Collaboration.Grains.Live;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// Live events across two nodes: pushes from a grain on one node's silo to a subscriber on the
/// other node, and replay by version on either node.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveReplayAcrossNodesTests(PostgresTwoWebNodes nodes) : IClassFixture<PostgresTwoWebNodes>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventsWrittenThroughOneNode_ReachASubscriberOnTheOtherNode_EachOnceAndInOrder()
    {
        // Arrange: the grain on one node's silo, a subscriber on the other node.
        var note = await nodes.NoteAcrossNodesAsync("across");
        await using var subscriber = await NodeHubClient.ConnectAsync(nodes.HubOf(note.Other), nodes.Cookie);
        var from = (await subscriber.InvokeAsync("Subscribe", note.Topic, 0).WaitAsync(Timeout)).GetProperty("version").GetInt64();

        // Act: ten changes through the grain's node.
        for (var i = 1; i <= 10; i++) await note.Grain.AddAsync($"note {i}").WaitAsync(Timeout);

        // Assert
        await subscriber.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == from + 10, Timeout);
        var pushed = Pushes(subscriber, note.Topic);
        Assert.Equal(note.Version, from);
        Assert.Equal(Versions(from, from + 10), pushed.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("note 1", pushed[0].GetProperty("data").GetProperty("text").GetString());
        Assert.All(pushed, e => Assert.Equal("NoteAdded", e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ReconnectToTheOtherNode_WithTheLastVersionSeen_GetsExactlyTheMissedEvents_ThenTheNextPushes()
    {
        // Arrange: a subscriber on the far node sees three changes, then goes away; five more are made.
        var note = await nodes.NoteAcrossNodesAsync("reconnect");
        long lastSeen;
        await using (var first = await NodeHubClient.ConnectAsync(nodes.HubOf(note.Other), nodes.Cookie))
        {
            await first.InvokeAsync("Subscribe", note.Topic, 0).WaitAsync(Timeout);
            for (var i = 1; i <= 3; i++) await note.Grain.AddAsync($"avant {i}").WaitAsync(Timeout);
            lastSeen = (await first.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == note.Version + 3, Timeout))
                .GetProperty("version").GetInt64();
        }
        for (var i = 1; i <= 5; i++) await note.Grain.AddAsync($"pendant {i}").WaitAsync(Timeout);

        // Act: it comes back through the other node (the grain's) with the last version it saw; then one more change.
        await using var again = await NodeHubClient.ConnectAsync(nodes.HubOf(note.Host), nodes.Cookie);
        var replay = await again.InvokeAsync("Subscribe", note.Topic, lastSeen).WaitAsync(Timeout);
        await note.Grain.AddAsync("après").WaitAsync(Timeout);

        // Assert: exactly the five missed versions in the answer, no snapshot; then the next one pushed, and nothing it already had.
        Assert.Equal(lastSeen + 5, replay.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, replay.GetProperty("snapshot").ValueKind);
        var missed = replay.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Versions(lastSeen, lastSeen + 5), missed.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(["pendant 1", "pendant 2", "pendant 3", "pendant 4", "pendant 5"],
            missed.Select(e => e.GetProperty("data").GetProperty("text").GetString()));
        await again.WaitForEventAsync(e => e.GetProperty("version").GetInt64() == lastSeen + 6, Timeout);
        Assert.DoesNotContain(again.Events, e => e.GetProperty("version").GetInt64() <= lastSeen);
    }

    [Fact]
    public async Task ReconnectMoreThanTheTailBehind_GetsASnapshot_WhileOneWithinTheTailGetsEvents()
    {
        // Arrange: 300 more changes, more than the 256 events a grain keeps.
        var note = await nodes.NoteAcrossNodesAsync("too-old");
        for (var i = 1; i <= 300; i++) await note.Grain.AddAsync($"note {i}").WaitAsync(Timeout);
        var latest = note.Version + 300;
        var oldestReplayable = latest - LiveLog.TailLength; // the tail holds the versions after it
        await using var client = await NodeHubClient.ConnectAsync(nodes.HubOf(note.Other), nodes.Cookie);

        // Act
        var tooOld = await client.InvokeAsync("Subscribe", note.Topic, oldestReplayable - 1).WaitAsync(Timeout);
        var withinTail = await client.InvokeAsync("Subscribe", note.Topic, oldestReplayable).WaitAsync(Timeout);

        // Assert
        Assert.Equal(latest, tooOld.GetProperty("version").GetInt64());
        Assert.Equal(JsonValueKind.Null, tooOld.GetProperty("events").ValueKind);
        Assert.Equal(latest, tooOld.GetProperty("snapshot").GetProperty("version").GetInt64());
        Assert.Equal(latest, tooOld.GetProperty("snapshot").GetProperty("notes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, withinTail.GetProperty("snapshot").ValueKind);
        Assert.Equal(Versions(oldestReplayable, latest),
            withinTail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task SubscribeWithoutAVersion_ReturnsASnapshot_OnEitherNode()
    {
        // Arrange
        var note = await nodes.NoteAcrossNodesAsync("from-scratch");
        await note.Grain.AddAsync("première").WaitAsync(Timeout);
        await note.Grain.AddAsync("deuxième").WaitAsync(Timeout);
        await using var onHost = await NodeHubClient.ConnectAsync(nodes.HubOf(note.Host), nodes.Cookie);
        await using var onOther = await NodeHubClient.ConnectAsync(nodes.HubOf(note.Other), nodes.Cookie);

        // Act
        var fromHost = await onHost.InvokeAsync("Subscribe", note.Topic, null).WaitAsync(Timeout);
        var fromOther = await onOther.InvokeAsync("Subscribe", note.Topic, null).WaitAsync(Timeout);
        var neverWritten = await onOther.InvokeAsync("Subscribe", $"{note.Topic}-empty", null).WaitAsync(Timeout);

        // Assert
        foreach (var result in new[] { fromHost, fromOther })
        {
            Assert.Equal(note.Version + 2, result.GetProperty("version").GetInt64());
            Assert.Equal(JsonValueKind.Null, result.GetProperty("events").ValueKind);
            var notes = result.GetProperty("snapshot").GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.Equal(note.Version + 2, notes.Count);
            Assert.Equal(["première", "deuxième"], notes[^2..]);
        }
        Assert.Equal(0, neverWritten.GetProperty("version").GetInt64());
        Assert.Equal(0, neverWritten.GetProperty("snapshot").GetProperty("notes").GetArrayLength());
    }

    private static List<JsonElement> Pushes(NodeHubClient client, string topic) =>
        [.. client.Events.Where(e => e.GetProperty("topic").GetString() == topic)];

    /// <summary>The versions after <paramref name="after"/> up to <paramref name="upTo"/>.</summary>
    private static IEnumerable<long> Versions(long after, long upTo) => Enumerable.Range(1, (int)(upTo - after)).Select(i => after + i);
}
