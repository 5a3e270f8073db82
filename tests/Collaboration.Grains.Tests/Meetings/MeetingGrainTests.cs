using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Tests.Meetings;

public sealed class MeetingGrainTests : IClassFixture<GrainsSilo>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly RosterMember Alice = new(Guid.NewGuid(), "Alice Tremblay", "Carrefour d'intégration", Sector.Communautaire, MemberRole.Secretary);
    private static readonly RosterMember Bruno = new(Guid.NewGuid(), "Bruno Gagnon", "Ville de Rimouski", Sector.Municipal, MemberRole.Member);
    private static readonly RosterMember Chloe = new(Guid.NewGuid(), "Chloé Roy", "Cégep", Sector.Institutionnel, MemberRole.Member);
    private readonly GrainsSilo _silo;

    public MeetingGrainTests(GrainsSilo silo) => _silo = silo;

    private async Task<IMeetingGrain> NewMeetingAsync(int quorum = 2, params string[] agenda)
    {
        var grain = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        var created = await grain.CreateAsync(new MeetingSetup(Guid.NewGuid(), "Table régionale", "Rencontre de novembre",
            _silo.Clock.GetUtcNow(), "Salle du conseil", quorum, [Alice, Bruno, Chloe], [], "organisateur")).WaitAsync(Timeout);
        Assert.Equal(MeetingOutcome.Applied, created.Outcome);
        foreach (var title in agenda)
            await grain.AddAgendaItemAsync(Guid.NewGuid(), new AgendaItemInput(title, "Alice", 10, "")).WaitAsync(Timeout);
        return grain;
    }

    [Fact]
    public async Task TableId_IsTheMeetingsTable_AndNullBeforeTheMeetingExists()
    {
        // Arrange
        var tableId = Guid.NewGuid();
        var grain = _silo.Grains.GetGrain<IMeetingGrain>(Guid.NewGuid());
        var before = await grain.GetTableIdAsync().WaitAsync(Timeout);
        await grain.CreateAsync(new MeetingSetup(tableId, "Table régionale", "Rencontre", _silo.Clock.GetUtcNow(), "Salle", 2, [Alice], [], "organisateur")).WaitAsync(Timeout);

        // Act
        var after = await grain.GetTableIdAsync().WaitAsync(Timeout);

        // Assert
        Assert.Null(before);
        Assert.Equal(tableId, after);
    }

    [Fact]
    public async Task Meeting_GoesFromDraft_ToInProgress_ToClosed_AndNotBack()
    {
        var grain = await NewMeetingAsync(2, "Mot de bienvenue");

        var draft = (await grain.GetAsync())!.Status;
        var started = await grain.StartAsync().WaitAsync(Timeout);
        var startedTwice = await grain.StartAsync().WaitAsync(Timeout);
        var closed = await grain.CloseAsync().WaitAsync(Timeout);
        var restarted = await grain.StartAsync().WaitAsync(Timeout);

        Assert.Equal(MeetingStatus.Draft, draft);
        Assert.Equal(MeetingOutcome.Applied, started.Outcome);
        Assert.Equal(MeetingOutcome.WrongStatus, startedTwice.Outcome);
        Assert.Equal(MeetingOutcome.Applied, closed.Outcome);
        Assert.Equal(MeetingOutcome.ReadOnly, restarted.Outcome);
        var view = (await grain.GetAsync())!;
        Assert.Equal(MeetingStatus.Closed, view.Status);
        Assert.Equal(_silo.Clock.GetUtcNow(), view.ClosedAt);
    }

    [Fact]
    public async Task Close_IsRefused_ForADraft()
    {
        var grain = await NewMeetingAsync();

        var closed = await grain.CloseAsync().WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.WrongStatus, closed.Outcome);
        Assert.Equal(MeetingStatus.Draft, (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task Notice_RecordsWhenAndToHowMany_AndIsRefusedToNobody()
    {
        var grain = await NewMeetingAsync(2, "Mot de bienvenue");

        var toNobody = await grain.SendNoticeAsync([]).WaitAsync(Timeout);
        var first = await grain.SendNoticeAsync([Recipient(Alice), Recipient(Bruno)]).WaitAsync(Timeout);
        var again = await grain.SendNoticeAsync([Recipient(Alice)]).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.NoRecipients, toNobody.Outcome);
        Assert.Equal(MeetingOutcome.Applied, first.Outcome);
        Assert.Equal(MeetingOutcome.Applied, again.Outcome);
        var view = (await grain.GetAsync())!;
        Assert.Equal(_silo.Clock.GetUtcNow(), view.NoticeSentAt);
        Assert.Equal(1, view.NoticeRecipients);
        Assert.Equal(1, view.NoticeSequence);
        Assert.Equal(3, (await grain.GetMailAsync()).Count(m => m.Kind == Grains.Mail.MailKind.MeetingNotice));
    }

    [Fact]
    public async Task Cancel_TellsEachNoticedMemberOnce_AndLeavesTheMeetingReadOnly()
    {
        var grain = await NewMeetingAsync(2, "Mot de bienvenue");
        await grain.SendNoticeAsync([Recipient(Alice), Recipient(Bruno)]).WaitAsync(Timeout);
        await grain.SendNoticeAsync([Recipient(Alice), Recipient(Bruno)]).WaitAsync(Timeout);

        var cancelled = await grain.CancelAsync().WaitAsync(Timeout);
        var twice = await grain.CancelAsync().WaitAsync(Timeout);
        var edit = await grain.AddAgendaItemAsync(Guid.NewGuid(), new AgendaItemInput("Varia", "", 5, "")).WaitAsync(Timeout);
        var start = await grain.StartAsync().WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.Applied, cancelled.Outcome);
        Assert.Equal(MeetingOutcome.ReadOnly, twice.Outcome);
        Assert.Equal(MeetingOutcome.ReadOnly, edit.Outcome);
        Assert.Equal(MeetingOutcome.ReadOnly, start.Outcome);
        var view = (await grain.GetAsync())!;
        Assert.Equal(MeetingStatus.Cancelled, view.Status);
        Assert.Equal(2, view.NoticeSequence); // two notices (0, 1), then the cancellation (2)
        var cancellations = (await grain.GetMailAsync()).Where(m => m.Kind == Grains.Mail.MailKind.MeetingCancelled).Select(m => m.Reference).ToList();
        Assert.Equal([Alice.Id.ToString("N"), Bruno.Id.ToString("N")], cancellations);
    }

    [Fact]
    public async Task Cancel_IsRefused_OnceTheMeetingHasStarted()
    {
        var grain = await NewMeetingAsync(2, "Mot de bienvenue");
        await grain.StartAsync().WaitAsync(Timeout);

        var cancelled = await grain.CancelAsync().WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.WrongStatus, cancelled.Outcome);
        Assert.Equal(MeetingStatus.InProgress, (await grain.GetAsync())!.Status);
    }

    private static Grains.Mail.MailRecipient Recipient(RosterMember member) =>
        new($"{member.Id:N}@exemple.qc.ca", member.Name, member.Id.ToString("N"));

    [Fact]
    public async Task Start_MakesTheFirstItemCurrent_AndThereIsOnlyEverOneCurrentItem()
    {
        var grain = await NewMeetingAsync(2, "Point 1", "Point 2", "Point 3");
        var draft = (await grain.GetAsync())!;

        await grain.StartAsync().WaitAsync(Timeout);
        var afterStart = (await grain.GetAsync())!;
        await grain.SetCurrentItemAsync(draft.Agenda[1].Id).WaitAsync(Timeout);
        var afterMove = (await grain.GetAsync())!;

        Assert.Equal(draft.Agenda[0].Id, afterStart.CurrentItemId);
        Assert.Equal(draft.Agenda[1].Id, afterMove.CurrentItemId);
        Assert.Single(afterMove.Agenda, i => i.CurrentSince is not null);
        Assert.Equal(draft.Agenda[1].Id, afterMove.Agenda.Single(i => i.CurrentSince is not null).Id);
    }

    [Fact]
    public async Task SetCurrentItem_IsRefused_BeforeTheMeetingStarts_AndForAnUnknownItem()
    {
        var grain = await NewMeetingAsync(2, "Point 1");
        var item = (await grain.GetAsync())!.Agenda[0].Id;

        var inDraft = await grain.SetCurrentItemAsync(item).WaitAsync(Timeout);
        await grain.StartAsync().WaitAsync(Timeout);
        var unknown = await grain.SetCurrentItemAsync(Guid.NewGuid()).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.WrongStatus, inDraft.Outcome);
        Assert.Equal(MeetingOutcome.UnknownItem, unknown.Outcome);
    }

    [Fact]
    public async Task Overrun_IsDerivedFromTheClock_WhenTheCurrentItemRunsPastItsPlannedMinutes()
    {
        var grain = await NewMeetingAsync(2, "Point de dix minutes");
        await grain.StartAsync().WaitAsync(Timeout);

        _silo.Clock.Advance(TimeSpan.FromMinutes(9));
        var onTime = (await grain.GetAsync())!.Overrun;
        _silo.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = (await grain.GetAsync())!.Overrun;

        Assert.False(onTime);
        Assert.True(late);
    }

    [Fact]
    public async Task Quorum_IsReached_WhenEnoughMembersArePresentOrRemote_AndArrivalTimeIsKept()
    {
        var grain = await NewMeetingAsync(quorum: 2);

        var one = await grain.SetAttendanceAsync(Alice.Id, AttendanceStatus.Present, "alice", null).WaitAsync(Timeout);
        var arrival = _silo.Clock.GetUtcNow();
        var notYet = (await grain.GetAsync())!.Quorum;
        _silo.Clock.Advance(TimeSpan.FromMinutes(5));
        await grain.SetAttendanceAsync(Bruno.Id, AttendanceStatus.Remote, "bruno", null).WaitAsync(Timeout);
        await grain.SetAttendanceAsync(Chloe.Id, AttendanceStatus.Excused, "alice", null).WaitAsync(Timeout);
        var reached = (await grain.GetAsync())!;

        Assert.Equal(MeetingOutcome.Applied, one.Outcome);
        Assert.Equal(new QuorumView(2, 1, false), notYet);
        Assert.Equal(new QuorumView(2, 2, true), reached.Quorum);
        Assert.Equal(arrival, reached.Attendance.Single(a => a.MemberId == Alice.Id).ArrivedAt);
        Assert.Null(reached.Attendance.Single(a => a.MemberId == Chloe.Id).ArrivedAt);
    }

    [Fact]
    public async Task Attendance_IsRefused_ForSomeoneNotOnTheTable()
    {
        var grain = await NewMeetingAsync();

        var outcome = await grain.SetAttendanceAsync(Guid.NewGuid(), AttendanceStatus.Present, "x", null).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.UnknownMember, outcome.Outcome);
        Assert.Empty((await grain.GetAsync())!.Attendance);
    }

    [Fact]
    public async Task StaleAgendaEdit_IsRefused_WithTheCurrentValue_AndNothingIsOverwritten()
    {
        var grain = await NewMeetingAsync(2, "Titre initial");
        var seen = (await grain.GetAsync())!.Agenda[0];

        var first = await grain.EditAgendaItemAsync(seen.Id, new AgendaItemInput("Titre d'Alice", "Alice", 15, ""), seen.Version).WaitAsync(Timeout);
        var second = await grain.EditAgendaItemAsync(seen.Id, new AgendaItemInput("Titre de Bruno", "Bruno", 5, ""), seen.Version).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.Applied, first.Outcome);
        Assert.Equal(MeetingOutcome.Stale, second.Outcome);
        var current = Assert.IsType<AgendaItemView>(second.Current);
        Assert.Equal("Titre d'Alice", current.Title);
        Assert.Equal("Titre d'Alice", (await grain.GetAsync())!.Agenda[0].Title);
    }

    [Fact]
    public async Task StaleActionItemUpdate_IsRefused_WithTheCurrentValue()
    {
        var grain = await NewMeetingAsync();
        var added = await grain.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Envoyer le bilan", Bruno.Id, new DateOnly(2026, 12, 1), null)).WaitAsync(Timeout);
        var seen = Assert.IsType<ActionItemView>(added.Current);

        var done = await grain.UpdateActionItemAsync(seen.Id, new ActionItemPatch(Status: ActionItemStatus.Done), seen.Version).WaitAsync(Timeout);
        var stale = await grain.UpdateActionItemAsync(seen.Id, new ActionItemPatch(Text: "Autre texte"), seen.Version).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.Applied, done.Outcome);
        Assert.Equal(MeetingOutcome.Stale, stale.Outcome);
        Assert.Equal(ActionItemStatus.Done, Assert.IsType<ActionItemView>(stale.Current).Status);
        Assert.Equal("Envoyer le bilan", (await grain.GetAsync())!.ActionItems.Single().Text);
    }

    [Fact]
    public async Task StaleReorder_IsRefused_WithTheCurrentOrder()
    {
        var grain = await NewMeetingAsync(2, "A", "B", "C");
        var seen = (await grain.GetAsync())!;
        var ids = seen.Agenda.Select(i => i.Id).ToList();

        var reordered = await grain.ReorderAgendaAsync([ids[2], ids[0], ids[1]], seen.AgendaVersion).WaitAsync(Timeout);
        var stale = await grain.ReorderAgendaAsync([ids[1], ids[0], ids[2]], seen.AgendaVersion).WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.Applied, reordered.Outcome);
        Assert.Equal(MeetingOutcome.Stale, stale.Outcome);
        Assert.Equal([ids[2], ids[0], ids[1]], Assert.IsType<AgendaOrder>(stale.Current).Order);
        Assert.Equal(["C", "A", "B"], (await grain.GetAsync())!.Agenda.Select(i => i.Title));
    }

    [Fact]
    public async Task Decisions_AreRecordedAgainstAnAgendaItem_OnlyWhileInProgress()
    {
        var grain = await NewMeetingAsync(2, "Budget");
        var item = (await grain.GetAsync())!.Agenda[0].Id;

        var early = await grain.RecordDecisionAsync(Guid.NewGuid(), item, "Adopté").WaitAsync(Timeout);
        await grain.StartAsync().WaitAsync(Timeout);
        var recorded = await grain.RecordDecisionAsync(Guid.NewGuid(), item, "Budget adopté à l'unanimité").WaitAsync(Timeout);
        var unknownItem = await grain.RecordDecisionAsync(Guid.NewGuid(), Guid.NewGuid(), "?").WaitAsync(Timeout);

        Assert.Equal(MeetingOutcome.WrongStatus, early.Outcome);
        Assert.Equal(MeetingOutcome.Applied, recorded.Outcome);
        Assert.Equal(MeetingOutcome.UnknownItem, unknownItem.Outcome);
        Assert.Equal(item, (await grain.GetAsync())!.Decisions.Single().AgendaItemId);
    }

    [Fact]
    public async Task ClosedMeeting_IsReadOnly_ForEveryKindOfEdit()
    {
        var grain = await NewMeetingAsync(2, "Point");
        var before = (await grain.GetAsync())!;
        var item = before.Agenda[0];
        await grain.StartAsync().WaitAsync(Timeout);
        await grain.CloseAsync().WaitAsync(Timeout);
        var closed = (await grain.GetAsync())!;

        var outcomes = new[]
        {
            await grain.AddAgendaItemAsync(Guid.NewGuid(), new AgendaItemInput("Nouveau", "", 5, "")),
            await grain.EditAgendaItemAsync(item.Id, new AgendaItemInput("Modifié", "", 5, ""), item.Version),
            await grain.RemoveAgendaItemAsync(item.Id, item.Version),
            await grain.SetCurrentItemAsync(item.Id),
            await grain.SetAttendanceAsync(Alice.Id, AttendanceStatus.Present, "alice", null),
            await grain.RecordDecisionAsync(Guid.NewGuid(), item.Id, "Trop tard"),
            await grain.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput("Trop tard", Alice.Id, null, null)),
            await grain.SyncRosterAsync([new RosterMember(Guid.NewGuid(), "Nouveau", "", Sector.Autre, MemberRole.Member)]),
        };

        Assert.All(outcomes, o => Assert.Equal(MeetingOutcome.ReadOnly, o.Outcome));
        Assert.Equal(closed.Version, (await grain.GetAsync())!.Version);
    }

    [Fact]
    public async Task FollowUps_AreCarriedOnce_AndUpdatedInTheNewMeeting()
    {
        var grain = await NewMeetingAsync();
        var origin = Guid.NewGuid();
        var carried = new FollowUpItem(Guid.NewGuid(), origin, "Rencontre d'octobre", "Relancer la MRC", Bruno.Id, Bruno.Name, null);

        await grain.AddFollowUpsAsync([carried]).WaitAsync(Timeout);
        await grain.AddFollowUpsAsync([carried]).WaitAsync(Timeout);
        var view = (await grain.GetAsync())!;
        var followUp = Assert.Single(view.FollowUps);
        var done = await grain.UpdateActionItemAsync(followUp.Id, new ActionItemPatch(Status: ActionItemStatus.Done), followUp.Version).WaitAsync(Timeout);

        Assert.Empty(view.ActionItems);
        Assert.Equal(origin, followUp.OriginMeetingId);
        Assert.Equal(MeetingOutcome.Applied, done.Outcome);
    }

    [Fact]
    public async Task HundredsOfParallelEdits_OnOneMeeting_AreAllApplied_WithDistinctVersions()
    {
        var grain = await NewMeetingAsync();
        var owners = new[] { Alice.Id, Bruno.Id, Chloe.Id };

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => i % 3 == 0
            ? grain.SetAttendanceAsync(owners[i % 3], (AttendanceStatus)(i % 4), "test", null)
            : grain.AddActionItemAsync(Guid.NewGuid(), new ActionItemInput($"Tâche {i}", owners[i % 3], null, null)))).WaitAsync(Timeout);

        Assert.All(results, r => Assert.Equal(MeetingOutcome.Applied, r.Outcome));
        var view = (await grain.GetAsync())!;
        Assert.Equal(200, view.ActionItems.Count);
        Assert.Equal(200, view.ActionItems.Select(a => a.Version).Distinct().Count());
        Assert.True(view.Version >= 201);
    }

    [Fact]
    public async Task ParallelStaleEdits_OfOneAgendaItem_LetExactlyOneWin()
    {
        var grain = await NewMeetingAsync(2, "Disputé");
        var seen = (await grain.GetAsync())!.Agenda[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            grain.EditAgendaItemAsync(seen.Id, new AgendaItemInput($"Version {i}", "", 5, ""), seen.Version))).WaitAsync(Timeout);

        var winner = Assert.Single(results, r => r.Outcome == MeetingOutcome.Applied);
        Assert.Equal(199, results.Count(r => r.Outcome == MeetingOutcome.Stale));
        Assert.Equal(((AgendaItemView)winner.Current!).Title, (await grain.GetAsync())!.Agenda[0].Title);
    }
}
