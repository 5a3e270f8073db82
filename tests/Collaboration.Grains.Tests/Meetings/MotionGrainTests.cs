using Collaboration.Grains.Coordination;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Meetings.Events;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

/// <summary>Motions and votes in the meeting grain: eligibility, quorum at open and close, changes, hands mixed with devices, secrecy, wording.</summary>
public sealed class MotionGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly GrainsSilo _silo;

    public MotionGrainTests(GrainsSilo silo) => _silo = silo;

    private sealed record Room(IMeetingGrain Grain, IReadOnlyList<RosterMember> Members, Guid ItemId);

    /// <summary>A meeting in progress with <paramref name="members"/> members, the first <paramref name="present"/> marked present.</summary>
    private async Task<Room> RoomAsync(int members, int present, int quorum, AttendanceStatus mark = AttendanceStatus.Present)
    {
        var roster = Enumerable.Range(1, members)
            .Select(i => new RosterMember(Guid.NewGuid(), $"Membre {i:000}", "Organisme", Sector.Communautaire, MemberRole.Member)).ToList();
        var grain = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        Assert.True((await grain.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table régionale", "Rencontre", _silo.Clock.GetUtcNow(),
            "Salle", quorum, roster, [], "organisateur")).WaitAsync(Timeout)).Applied);
        var itemId = Guid.NewGuid();
        Assert.True((await grain.AddAgendaItemAsync(itemId, new AgendaItemInput("Adoption de l'ordre du jour", "", 5, "")).WaitAsync(Timeout)).Applied);
        Assert.True((await grain.StartAsync().WaitAsync(Timeout)).Applied);
        await Task.WhenAll(roster.Take(present).Select(m => grain.SetAttendanceAsync(m.Id, mark, "chair", null))).WaitAsync(Timeout);
        return new Room(grain, roster, itemId);
    }

    private static MotionInput Motion(Room room, MotionKind kind = MotionKind.Open, bool visible = true) =>
        new("la Table adopte l'ordre du jour", room.Members[0].Id, room.Members[1].Id, kind, visible);

    private static async Task<MotionView> MotionAsync(Room room, Guid id) => (await room.Grain.GetAsync())!.Motions!.Single(m => m.Id == id);

    [Fact]
    public async Task OpenMotion_IsRefused_WithoutQuorum_OrWithAnAbsentProposer()
    {
        var room = await RoomAsync(members: 5, present: 2, quorum: 3);

        var withoutQuorum = await room.Grain.OpenMotionAsync(Guid.NewGuid(), Motion(room)).WaitAsync(Timeout);
        await room.Grain.SetAttendanceAsync(room.Members[2].Id, AttendanceStatus.Remote, "chair", null).WaitAsync(Timeout);
        var absentSeconder = await room.Grain.OpenMotionAsync(Guid.NewGuid(), Motion(room) with { SeconderId = room.Members[4].Id }).WaitAsync(Timeout);
        var sameTwice = await room.Grain.OpenMotionAsync(Guid.NewGuid(), Motion(room) with { SeconderId = room.Members[0].Id }).WaitAsync(Timeout);
        var opened = await room.Grain.OpenMotionAsync(Guid.NewGuid(), Motion(room)).WaitAsync(Timeout);
        var second = await room.Grain.OpenMotionAsync(Guid.NewGuid(), Motion(room)).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.NoQuorum, withoutQuorum.Outcome);
        Assert.Equal(MeetingOutcome.NotEligible, absentSeconder.Outcome);
        Assert.Equal(MeetingOutcome.NotEligible, sameTwice.Outcome);
        Assert.Equal(MeetingOutcome.Applied, opened.Outcome);
        Assert.Equal(MeetingOutcome.MotionOpen, second.Outcome);
        var motion = Assert.Single((await room.Grain.GetAsync())!.Motions!);
        Assert.Equal((3, 3, room.ItemId), (motion.QuorumRequired, motion.PresentAtOpen, motion.AgendaItemId));
    }

    [Fact]
    public async Task Ballot_LastChoiceCounts_AndAbsentMembersAreRefused()
    {
        var room = await RoomAsync(members: 4, present: 3, quorum: 2);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room)).WaitAsync(Timeout);

        await room.Grain.CastBallotAsync(id, room.Members[0].Id, null, BallotChoice.Against).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[0].Id, null, BallotChoice.For).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[1].Id, null, BallotChoice.Abstain).WaitAsync(Timeout);
        var absent = await room.Grain.CastBallotAsync(id, room.Members[3].Id, null, BallotChoice.For).WaitAsync(Timeout);
        var closed = await room.Grain.CloseMotionAsync(id).WaitAsync(Timeout);
        var late = await room.Grain.CastBallotAsync(id, room.Members[2].Id, null, BallotChoice.Against).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.NotEligible, absent.Outcome);
        Assert.Equal(MeetingOutcome.WrongStatus, late.Outcome);
        var motion = Assert.IsType<MotionView>(closed.Current);
        Assert.Equal(MotionStatus.Adopted, motion.Status);
        Assert.Equal(new MotionTally(1, 0, 1, 2, HandCount.None), motion.Tally);
        Assert.Equal([("Membre 001", BallotChoice.For), ("Membre 002", BallotChoice.Abstain)], motion.Votes!.Select(v => (v.Name, v.Choice)));
    }

    [Fact]
    public async Task ShowOfHands_MixesWithDevices_WithoutCountingAnyoneTwice()
    {
        // 5 in the room, 1 remote: the remote member and 2 in the room vote from devices, the chair counts the other 3 hands.
        var room = await RoomAsync(members: 6, present: 5, quorum: 4);
        await room.Grain.SetAttendanceAsync(room.Members[5].Id, AttendanceStatus.Remote, "chair", null).WaitAsync(Timeout);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room)).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[5].Id, null, BallotChoice.Against).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[0].Id, null, BallotChoice.For).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[1].Id, null, BallotChoice.For).WaitAsync(Timeout);

        var tooMany = await room.Grain.CountHandsAsync(id, new HandCount(3, 1, 0)).WaitAsync(Timeout);
        var counted = await room.Grain.CountHandsAsync(id, new HandCount(2, 0, 1)).WaitAsync(Timeout);
        var countedTwice = await room.Grain.CastBallotAsync(id, room.Members[2].Id, null, BallotChoice.Against).WaitAsync(Timeout);
        var changedOwn = await room.Grain.CastBallotAsync(id, room.Members[0].Id, null, BallotChoice.Abstain).WaitAsync(Timeout);
        var remoteChanges = await room.Grain.CastBallotAsync(id, room.Members[5].Id, null, BallotChoice.For).WaitAsync(Timeout);
        var closed = Assert.IsType<MotionView>((await room.Grain.CloseMotionAsync(id).WaitAsync(Timeout)).Current);

        Assert.Equal(MeetingOutcome.TooManyHands, tooMany.Outcome);
        Assert.Equal(MeetingOutcome.Applied, counted.Outcome);
        Assert.Equal(MeetingOutcome.CountedByHands, countedTwice.Outcome);
        Assert.Equal(MeetingOutcome.Applied, changedOwn.Outcome);
        Assert.Equal(MeetingOutcome.Applied, remoteChanges.Outcome);
        Assert.Equal(new MotionTally(4, 0, 2, 3, new HandCount(2, 0, 1)), closed.Tally);
        Assert.Equal(6, closed.Tally!.Total);
    }

    [Fact]
    public async Task QuorumLostMidVote_IsRecordedAsNoQuorum()
    {
        var room = await RoomAsync(members: 4, present: 3, quorum: 3);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room)).WaitAsync(Timeout);
        await Task.WhenAll(room.Members.Take(3).Select(m => room.Grain.CastBallotAsync(id, m.Id, null, BallotChoice.For))).WaitAsync(Timeout);

        await room.Grain.SetAttendanceAsync(room.Members[2].Id, AttendanceStatus.Absent, "chair", null).WaitAsync(Timeout);
        var closed = Assert.IsType<MotionView>((await room.Grain.CloseMotionAsync(id).WaitAsync(Timeout)).Current);

        Assert.Equal(MotionStatus.NoQuorum, closed.Status);
        Assert.Equal((3, 2), (closed.PresentAtOpen, closed.PresentAtClose));
        var decision = Assert.Single((await room.Grain.GetAsync())!.Decisions);
        Assert.Equal(id, decision.MotionId);
        Assert.Contains("faute de quorum", decision.Text);
    }

    [Fact]
    public async Task Close_RecordsTheResultAsADecision_InTheWordingQuebecBoardsUse()
    {
        var room = await RoomAsync(members: 5, present: 5, quorum: 3);
        var unanimous = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(unanimous, Motion(room)).WaitAsync(Timeout);
        foreach (var m in room.Members) await room.Grain.CastBallotAsync(unanimous, m.Id, null, BallotChoice.For).WaitAsync(Timeout);
        await room.Grain.CloseMotionAsync(unanimous).WaitAsync(Timeout);
        var majority = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(majority, Motion(room) with { Text = "Il est résolu que le budget soit approuvé" }).WaitAsync(Timeout);
        var choices = new[] { BallotChoice.For, BallotChoice.For, BallotChoice.For, BallotChoice.Against, BallotChoice.Abstain };
        for (var i = 0; i < 5; i++) await room.Grain.CastBallotAsync(majority, room.Members[i].Id, null, choices[i]).WaitAsync(Timeout);
        await room.Grain.CloseMotionAsync(majority).WaitAsync(Timeout);
        var rejected = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(rejected, Motion(room, MotionKind.Secret) with { Text = "la séance soit prolongée." }).WaitAsync(Timeout);
        for (var i = 0; i < 4; i++) await room.Grain.CastBallotAsync(rejected, room.Members[i].Id, $"key-{i}", i < 2 ? BallotChoice.For : BallotChoice.Against).WaitAsync(Timeout);
        var rejectedView = Assert.IsType<MotionView>((await room.Grain.CloseMotionAsync(rejected).WaitAsync(Timeout)).Current);

        var decisions = (await room.Grain.GetAsync())!.Decisions;
        Assert.Equal("Sur proposition de Membre 001, appuyée par Membre 002, il est résolu que la Table adopte l'ordre du jour. " +
            "Adoptée à l'unanimité (5 pour, 0 contre, 0 abstention). Pour : Membre 001, Membre 002, Membre 003, Membre 004, Membre 005.",
            Assert.Single(decisions, d => d.MotionId == unanimous).Text);
        Assert.StartsWith("Sur proposition de Membre 001, appuyée par Membre 002, il est résolu que le budget soit approuvé. " +
            "Adoptée à la majorité (3 pour, 1 contre, 1 abstention). Pour : Membre 001, Membre 002, Membre 003 ; Contre : Membre 004 ; Abstention : Membre 005.",
            Assert.Single(decisions, d => d.MotionId == majority).Text);
        Assert.Equal("Sur proposition de Membre 001, appuyée par Membre 002, il est résolu que la séance soit prolongée. Rejetée (2 pour, 2 contre, 0 abstention).",
            Assert.Single(decisions, d => d.MotionId == rejected).Text);
        Assert.Equal("On a motion by Membre 001, seconded by Membre 002, it is resolved that la séance soit prolongée. Defeated (2 for, 2 against, 0 abstentions).",
            MotionWording.English(rejectedView));
        Assert.All(decisions, d => Assert.Equal(room.ItemId, d.AgendaItemId));
    }

    [Fact]
    public async Task AVotesResult_ReachesTheTablesBoard_AsADecision_ThroughTheAfterCommitPath()
    {
        var room = await RoomAsync(members: 3, present: 3, quorum: 2);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room)).WaitAsync(Timeout);
        foreach (var m in room.Members) await room.Grain.CastBallotAsync(id, m.Id, null, BallotChoice.For).WaitAsync(Timeout);

        await room.Grain.CloseMotionAsync(id).WaitAsync(Timeout);
        await _silo.DeliveredAsync();

        var meeting = (await room.Grain.GetAsync())!;
        var decision = Assert.Single((await _silo.Grains.GetGrain<ITableBoardGrain>(meeting.TableId).GetAsync()).Decisions!);
        Assert.Equal((id, meeting.Id), (decision.MotionId, decision.MeetingId));
        Assert.StartsWith("Sur proposition de Membre 001, appuyée par Membre 002, il est résolu que", decision.Text);
        Assert.StartsWith("On a motion by Membre 001, seconded by Membre 002", decision.TextEn);
    }

    [Fact]
    public async Task SecretVote_NeverKeepsWhoVotedWhat_AndStillLetsAMemberChange()
    {
        var room = await RoomAsync(members: 3, present: 3, quorum: 2);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room, MotionKind.Secret)).WaitAsync(Timeout);

        var withoutKey = await room.Grain.CastBallotAsync(id, room.Members[0].Id, null, BallotChoice.For).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[0].Id, "k0", BallotChoice.Against).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[1].Id, "k1", BallotChoice.For).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[0].Id, "k0", BallotChoice.For).WaitAsync(Timeout);
        var own = await room.Grain.GetOwnBallotsAsync(room.Members[0].Id, new Dictionary<Guid, string> { [id] = "k0" }).WaitAsync(Timeout);
        var closed = Assert.IsType<MotionView>((await room.Grain.CloseMotionAsync(id).WaitAsync(Timeout)).Current);

        Assert.Equal(MeetingOutcome.Invalid, withoutKey.Outcome);
        Assert.Equal(BallotChoice.For, own[id]);
        Assert.Equal(new MotionTally(2, 0, 0, 2, HandCount.None), closed.Tally);
        Assert.Empty(closed.Votes!);
        var events = (await room.Grain.GetEventsSinceAsync(0).WaitAsync(Timeout)).Events!;
        Assert.Empty(events.Select(e => e.Data).OfType<MotionClosed>().Single().Motion.Votes!);
    }

    [Fact]
    public async Task HiddenTotals_AreHiddenFromMembersOnly_WhileTheVoteRuns()
    {
        var room = await RoomAsync(members: 3, present: 3, quorum: 2);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room, visible: false)).WaitAsync(Timeout);
        await room.Grain.CastBallotAsync(id, room.Members[0].Id, null, BallotChoice.For).WaitAsync(Timeout);

        var chair = (await room.Grain.GetAsync())!;
        var member = chair.ForMembers();
        await room.Grain.CloseMotionAsync(id).WaitAsync(Timeout);
        var afterClose = (await room.Grain.GetAsync())!.ForMembers();

        Assert.Equal(1, chair.Motions!.Single().Tally!.For);
        Assert.Null(member.Motions!.Single().Tally);
        Assert.Null(member.Motions!.Single().Votes);
        Assert.Equal(1, afterClose.Motions!.Single().Tally!.For);
    }

    [Fact]
    public async Task HundredsOfParallelBallots_AreCountedExactly_WithEachMembersLastChoice()
    {
        const int members = 300;
        var room = await RoomAsync(members, members, quorum: 150, AttendanceStatus.Remote);
        var id = Guid.NewGuid();
        await room.Grain.OpenMotionAsync(id, Motion(room)).WaitAsync(Timeout);

        // Everyone votes "contre" at once, then everyone changes at once: members with an even index to "pour".
        await Task.WhenAll(room.Members.Select(m => room.Grain.CastBallotAsync(id, m.Id, null, BallotChoice.Against))).WaitAsync(Timeout);
        var changes = await Task.WhenAll(room.Members.Select((m, i) =>
            room.Grain.CastBallotAsync(id, m.Id, null, i % 2 == 0 ? BallotChoice.For : BallotChoice.Abstain))).WaitAsync(Timeout);

        Assert.All(changes, c => Assert.Equal(MeetingOutcome.Applied, c.Outcome));
        var motion = await MotionAsync(room, id);
        Assert.Equal(new MotionTally(150, 0, 150, members, HandCount.None), motion.Tally);
        Assert.Equal(members, motion.Votes!.Select(v => v.MemberId).Distinct().Count());
    }
}
