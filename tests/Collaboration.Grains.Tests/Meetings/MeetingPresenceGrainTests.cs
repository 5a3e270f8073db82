using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings.Presence;
using Collaboration.Silo.Live;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>Who has a meeting open: one person however many connections, expiry of a node that stops beating, the relay's pushes.</summary>
public sealed class MeetingPresenceGrainTests(GrainsSilo silo) : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly PresentPerson Amina = new("member:amina", "Amina Diallo", "member");
    private static readonly PresentPerson Chair = new("organiser:chair", "Présidence", "organiser");

    private IMeetingPresenceGrain NewMeeting() => silo.Grains.GetGrain<IMeetingPresenceGrain>(Guid.NewGuid());

    [Fact]
    public async Task APhoneThatSleepsAndReconnects_IsOnePerson_UntilItsLastConnectionLeaves()
    {
        // Arrange: the phone's first connection, then the new one after it woke (the old one not yet closed).
        var grain = NewMeeting();
        await grain.ArriveAsync("node-a", new PresentConnection("before-sleep", Amina)).WaitAsync(Timeout);

        // Act
        var woken = await grain.ArriveAsync("node-b", new PresentConnection("after-wake", Amina)).WaitAsync(Timeout);
        await grain.LeaveAsync(["before-sleep"]).WaitAsync(Timeout);
        var oldGone = await grain.GetAsync();
        await grain.LeaveAsync(["after-wake"]).WaitAsync(Timeout);
        var allGone = await grain.GetAsync();

        // Assert
        Assert.Equal([Amina], woken.People);
        Assert.Equal([Amina], oldGone.People);
        Assert.Empty(allGone.People);
    }

    [Fact]
    public async Task ANodeThatStopsBeating_ItsConnectionsExpire_WhileTheOtherNodesStay()
    {
        // Arrange: Amina on node B, the chair on node A; both nodes beat.
        var grain = NewMeeting();
        await grain.ArriveAsync("node-a", new PresentConnection("chair-1", Chair)).WaitAsync(Timeout);
        await grain.ArriveAsync("node-b", new PresentConnection("amina-1", Amina)).WaitAsync(Timeout);

        // Act: node B dies; node A goes on beating every 10 s.
        silo.Clock.Advance(MeetingPresenceGrain.HeartbeatEvery);
        await grain.HeartbeatAsync("node-a", [new PresentConnection("chair-1", Chair)]).WaitAsync(Timeout);
        silo.Clock.Advance(MeetingPresenceGrain.HeartbeatEvery);
        await grain.HeartbeatAsync("node-a", [new PresentConnection("chair-1", Chair)]).WaitAsync(Timeout);
        var beforeExpiry = await grain.GetAsync();
        silo.Clock.Advance(MeetingPresenceGrain.Expiry - MeetingPresenceGrain.HeartbeatEvery * 2 + TimeSpan.FromSeconds(1));
        var afterExpiry = await grain.GetAsync();

        // Assert: B's client is there 20 s after B's last word, gone past the expiry; A's chair stays.
        Assert.Equal([Amina, Chair], beforeExpiry.People);
        Assert.Equal([Chair], afterExpiry.People);
    }

    [Fact]
    public async Task AHeartbeat_TakesOutTheNodesConnectionsItNoLongerLists_AndNotTheOtherNodes()
    {
        // Arrange: a leave of node A was lost.
        var grain = NewMeeting();
        await grain.ArriveAsync("node-a", new PresentConnection("amina-1", Amina)).WaitAsync(Timeout);
        await grain.ArriveAsync("node-b", new PresentConnection("chair-1", Chair)).WaitAsync(Timeout);

        // Act
        await grain.HeartbeatAsync("node-a", []).WaitAsync(Timeout);

        // Assert
        Assert.Equal([Chair], (await grain.GetAsync()).People);
    }

    [Fact]
    public async Task AChangeOfPeople_GoesOutOnTheRelay_WithAHigherVersion_AndAnotherTabDoesNot()
    {
        // Arrange: listen to this silo's end of the live relay.
        var meetingId = Guid.NewGuid();
        var grain = silo.Grains.GetGrain<IMeetingPresenceGrain>(meetingId);
        var feed = silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<LocalLiveFeed>();
        var pushes = new List<(long Version, PresenceChanged Changed)>();
        var twoPeople = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(batch =>
        {
            if (batch.Feed != MeetingPresenceGrain.Feed) return;
            foreach (var e in batch.Events)
                if (e.Data is PresenceChanged changed && changed.MeetingId == meetingId)
                {
                    lock (pushes) pushes.Add((e.Version, changed));
                    if (changed.People.Count == 2) twoPeople.TrySetResult();
                }
        });

        // Act: the chair arrives; once that went out, Amina arrives; then a second tab of Amina's.
        var first = await grain.ArriveAsync("node-a", new PresentConnection("chair-1", Chair)).WaitAsync(Timeout);
        await Poll.UntilAsync(() => { lock (pushes) return Task.FromResult(pushes.Count == 1); }, Timeout, "the chair's arrival pushed");
        await grain.ArriveAsync("node-b", new PresentConnection("amina-1", Amina)).WaitAsync(Timeout);
        await twoPeople.Task.WaitAsync(Timeout);
        var secondTab = await grain.ArriveAsync("node-b", new PresentConnection("amina-2", Amina)).WaitAsync(Timeout);

        // Assert: two pushes in a row, the last with both people; the second tab changed nothing (same version as the last push).
        lock (pushes)
        {
            Assert.Equal(2, pushes.Count);
            Assert.Equal(pushes[0].Version + 1, pushes[1].Version);
            Assert.True(pushes[0].Version > first.Version);
            Assert.Equal([Amina, Chair], pushes[1].Changed.People);
            Assert.Equal(pushes[1].Version, secondTab.Version);
        }
    }
}
