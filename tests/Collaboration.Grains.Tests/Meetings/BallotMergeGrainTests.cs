using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Meetings.Events;
using Collaboration.Grains.Tables;
using Collaboration.Grains.Tests.Platform;
using Collaboration.Testing;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>
/// Ballots that commit in the same write of the meeting go out as one <see cref="BallotCast"/> (LiveGrain.RaiseOrMerge).
/// The meeting's writes are held in the provider, so a test knows which ballots share a write. What must hold: versions stay
/// consecutive, a subscriber replaying from any version it may hold ends on the final tally, and a snapshot's version is final
/// (a ballot after it is a new event, not folded into the one the snapshot already shows).
/// </summary>
public sealed class BallotMergeGrainTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private GatedGrainStorage _gate = null!;
    private readonly GrainsSilo _silo;

    public BallotMergeGrainTests() => _silo = new GrainsSilo((silo, configuration) =>
        GatedGrainStorage.Install(silo, configuration, gate => _gate = gate));

    public Task InitializeAsync() => _silo.InitializeAsync();

    public Task DisposeAsync() => _silo.DisposeAsync();

    [Fact]
    public async Task BallotsOfOneWrite_GoOutAsOneEvent_AndAReplayFromAnyVersionHasEveryBallot()
    {
        // Arrange: a motion open; the first ballot's write held in the provider.
        var (grain, members, motionId) = await OpenMotionAsync();
        var opened = (await grain.GetAsync().WaitAsync(Timeout))!.Version;
        _gate.Hold = grain.GetGrainId();
        var first = grain.CastBallotAsync(motionId, members[0], null, BallotChoice.For);
        await Poll.UntilAsync(() => Task.FromResult(_gate.Waiting == 1), Timeout, "the first ballot's write held in the provider");

        // Act: three ballots while that write is in flight, then one of them changed; all share the next write.
        var meanwhile = new List<Task<MeetingResult>>
        {
            grain.CastBallotAsync(motionId, members[1], null, BallotChoice.Against),
            grain.CastBallotAsync(motionId, members[2], null, BallotChoice.For),
            grain.CastBallotAsync(motionId, members[3], null, BallotChoice.Abstain),
        };
        await UntilRecordedAsync(grain, motionId, members[1], BallotChoice.Against);
        meanwhile.Add(grain.CastBallotAsync(motionId, members[1], null, BallotChoice.For));
        await UntilRecordedAsync(grain, motionId, members[1], BallotChoice.For);
        _gate.Hold = null;
        _gate.Release(10);
        var answers = await Task.WhenAll(meanwhile.Prepend(first)).WaitAsync(Timeout);

        // Assert: two events, consecutive; the second holds the tally after the four later ballots (member 1 counted once, last choice).
        Assert.All(answers, a => Assert.Equal(MeetingOutcome.Applied, a.Outcome));
        var events = (await grain.GetEventsSinceAsync(opened).WaitAsync(Timeout)).Events!;
        Assert.Equal([opened + 1, opened + 2], events.Select(e => e.Version));
        var (one, merged) = (Assert.IsType<BallotCast>(events[0].Data), Assert.IsType<BallotCast>(events[1].Data));
        Assert.Equal(new MotionTally(1, 0, 0, 1, HandCount.None), one.Tally);
        var final = (await grain.GetAsync().WaitAsync(Timeout))!.Motions!.Single(m => m.Id == motionId);
        Assert.Equal(new MotionTally(3, 0, 1, 4, HandCount.None), final.Tally);
        Assert.Equal(final.Tally, merged.Tally);
        Assert.Equal(
            new Dictionary<Guid, BallotChoice> { [members[0]] = BallotChoice.For, [members[1]] = BallotChoice.For, [members[2]] = BallotChoice.For, [members[3]] = BallotChoice.Abstain },
            final.Votes!.ToDictionary(v => v.MemberId, v => v.Choice));

        // A subscriber holding any version from the motion's opening on: what it had plus what it replays ends on the final tally.
        for (var held = opened; held <= opened + 2; held++)
        {
            var replay = (await grain.GetEventsSinceAsync(held).WaitAsync(Timeout)).Events!;
            Assert.Equal(Enumerable.Range(1, (int)(opened + 2 - held)).Select(k => held + k), replay.Select(e => e.Version));
            var last = events.Where(e => e.Version <= held).Concat(replay).Select(e => e.Data).OfType<BallotCast>().Last();
            Assert.Equal(final.Tally, last.Tally);
        }
    }

    [Fact]
    public async Task ASnapshotMidBurst_MakesItsVersionFinal_SoALaterBallotStillReachesItsHolder()
    {
        // Arrange: the first ballot's write held; a second ballot raises the event that later ones could join.
        var (grain, members, motionId) = await OpenMotionAsync();
        _gate.Hold = grain.GetGrainId();
        var first = grain.CastBallotAsync(motionId, members[0], null, BallotChoice.For);
        await Poll.UntilAsync(() => Task.FromResult(_gate.Waiting == 1), Timeout, "the first ballot's write held in the provider");
        var second = grain.CastBallotAsync(motionId, members[1], null, BallotChoice.Against);
        await UntilRecordedAsync(grain, motionId, members[1], BallotChoice.Against);

        // Act: a screen takes a snapshot (it shows the second ballot, at the second event's version); then a third ballot.
        var snapshot = (await grain.GetAsync().WaitAsync(Timeout))!;
        var third = grain.CastBallotAsync(motionId, members[2], null, BallotChoice.Abstain);
        await UntilRecordedAsync(grain, motionId, members[2], BallotChoice.Abstain);
        _gate.Hold = null;
        _gate.Release(10);
        await Task.WhenAll(first, second, third).WaitAsync(Timeout);

        // Assert: the snapshot's event was left as it was; the third ballot came as the next version, which its holder replays.
        Assert.Equal(2, snapshot.Motions!.Single(m => m.Id == motionId).Tally!.Ballots);
        var atSnapshot = (await grain.GetEventsSinceAsync(snapshot.Version - 1).WaitAsync(Timeout)).Events!;
        Assert.Equal(2, Assert.IsType<BallotCast>(atSnapshot[0].Data).Tally.Ballots);
        var replay = (await grain.GetEventsSinceAsync(snapshot.Version).WaitAsync(Timeout)).Events!;
        var later = Assert.IsType<BallotCast>(Assert.Single(replay).Data);
        Assert.Equal(snapshot.Version + 1, replay[0].Version);
        Assert.Equal(new MotionTally(1, 1, 1, 3, HandCount.None), later.Tally);
    }

    /// <summary>A meeting in progress with four members present and an open motion; its writes pass until the test holds them.</summary>
    private async Task<(IMeetingGrain Grain, Guid[] Members, Guid MotionId)> OpenMotionAsync()
    {
        var roster = Enumerable.Range(1, 4)
            .Select(i => new RosterMember(Guid.NewGuid(), $"Membre {i}", "Organisme", Sector.Communautaire, MemberRole.Member)).ToList();
        var grain = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        Assert.True((await grain.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table régionale", "Rencontre", _silo.Clock.GetUtcNow(),
            "Salle", 2, roster, [], "organisateur")).WaitAsync(Timeout)).Applied);
        Assert.True((await grain.AddAgendaItemAsync(Guid.NewGuid(), new AgendaItemInput("Résolutions", "", 5, "")).WaitAsync(Timeout)).Applied);
        Assert.True((await grain.StartAsync().WaitAsync(Timeout)).Applied);
        foreach (var member in roster)
            Assert.True((await grain.SetAttendanceAsync(member.Id, AttendanceStatus.Present, "chair", null).WaitAsync(Timeout)).Applied);
        var motionId = Guid.NewGuid();
        Assert.True((await grain.OpenMotionAsync(motionId, new MotionInput("la Table adopte la résolution", roster[0].Id, roster[1].Id,
            MotionKind.Open, true)).WaitAsync(Timeout)).Applied);
        await _silo.DeliveredAsync(); // the board has the meeting: no effect's write runs when the test holds the next one
        return (grain, [.. roster.Select(m => m.Id)], motionId);
    }

    /// <summary>Waits until the grain holds the member's choice (its call then waits for its write).</summary>
    private static Task UntilRecordedAsync(IMeetingGrain grain, Guid motionId, Guid memberId, BallotChoice choice) =>
        Poll.UntilAsync(async () => (await grain.GetOwnBallotsAsync(memberId, new Dictionary<Guid, string>())).TryGetValue(motionId, out var mine) && mine == choice,
            Timeout, $"the ballot of {memberId} recorded");
}
