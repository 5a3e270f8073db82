using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Collaboration.Grains.Coordination;
using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// <b>Reentrant, with group commit</b> (as the workshop session): every method checks and changes the state without
/// awaiting anything first, then awaits the write; calls arriving while a write is in flight run meanwhile and share the
/// next write, each caller answered once the write holding its change committed. So 200 members voting at once cost a
/// few commits, not 200 in a row. A method that must await before changing the state would break this: don't.
/// </summary>
[Reentrant]
[GrainType("meeting")]
public sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Grains)] IPersistentState<MeetingState> state, TimeProvider clock)
    : LiveGrain<MeetingState>(state, clock), IMeetingGrain
{
    public const int MaxTextLength = 2000;

    /// <summary>
    /// The events a screen that was away can replay; further behind, it takes the meeting's snapshot and loses nothing.
    /// Every write carries the tail, and a vote's events carry its ballots (a closed motion all of them): the default 256
    /// made a busy meeting's every write several hundred kB (docs/benchmarks.md, the vote of 200 members).
    /// </summary>
    private protected override int LiveTailLength => 64;

    public async Task<MeetingResult> CreateAsync(MeetingSetup setup)
    {
        if (State.Exists) return Refused(MeetingOutcome.AlreadyExists);
        if (string.IsNullOrWhiteSpace(setup.Title) || setup.Quorum < 1) return Refused(MeetingOutcome.Invalid);
        State.Exists = true;
        State.TableId = setup.TableId;
        State.TableName = setup.TableName;
        State.Title = setup.Title;
        State.StartsAt = setup.StartsAt;
        State.Location = setup.Location;
        State.Quorum = setup.Quorum;
        State.CreatedBy = setup.CreatedBy;
        State.Status = MeetingStatus.Draft;
        State.Roster = [.. setup.Roster];
        State.ActionItems = [.. setup.FollowUps.Select(FromFollowUp)];
        var template = setup.Agenda ?? [];
        if (setup.MinutesToAdopt is { } adopt && !template.Any(i => i.AdoptsMinutes))
            template = [new AgendaTemplateItem(adopt.ItemTitle, 5, AdoptsMinutes: true), .. template];
        foreach (var item in template.Where(i => !i.AdoptsMinutes || setup.MinutesToAdopt is not null))
            State.Agenda.Add(item.AdoptsMinutes
                ? new AgendaItemState { Id = Guid.NewGuid(), Title = setup.MinutesToAdopt!.ItemTitle, PlannedMinutes = item.PlannedMinutes, AdoptsMinutesOf = setup.MinutesToAdopt.MeetingId, Version = 1 }
                : new AgendaItemState { Id = Guid.NewGuid(), Title = item.Title, PlannedMinutes = item.PlannedMinutes, Version = 1 });
        RaiseEvent(new MeetingCreated(View()));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> SyncRosterAsync(IReadOnlyList<RosterMember> roster)
    {
        if (Check() is { } refusal) return refusal;
        var added = roster.Where(m => State.Roster.All(r => r.Id != m.Id)).ToList();
        if (added.Count == 0) return Ok();
        State.Roster.AddRange(added);
        RaiseEvent(new RosterExtended(added));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> AddFollowUpsAsync(IReadOnlyList<FollowUpItem> items)
    {
        if (Check() is { } refusal) return refusal;
        var added = items.Where(i => State.ActionItems.All(a => a.Id != i.Id)).Select(FromFollowUp).ToList();
        if (added.Count == 0) return Ok();
        var version = Version + 1;
        added.ForEach(a => a.Version = version);
        State.ActionItems.AddRange(added);
        RaiseEvent(new FollowUpsAdded([.. added.Select(ToView)]));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> AddAgendaItemAsync(Guid itemId, AgendaItemInput input)
    {
        if (Check() is { } refusal) return refusal;
        if (!IsValid(input)) return Refused(MeetingOutcome.Invalid);
        if (State.Agenda.Any(i => i.Id == itemId)) return Refused(MeetingOutcome.AlreadyExists);
        var item = new AgendaItemState { Id = itemId };
        Apply(item, input);
        State.Agenda.Add(item);
        item.Version = State.AgendaVersion = Version + 1;
        RaiseEvent(new AgendaItemAdded(ToView(item), Order()));
        await WriteStateAsync();
        return Ok(ToView(item));
    }

    public async Task<MeetingResult> EditAgendaItemAsync(Guid itemId, AgendaItemInput input, long expectedVersion)
    {
        if (Check() is { } refusal) return refusal;
        var item = State.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return Refused(MeetingOutcome.UnknownItem);
        if (item.Version != expectedVersion) return Refused(MeetingOutcome.Stale, ToView(item));
        if (!IsValid(input)) return Refused(MeetingOutcome.Invalid);
        Apply(item, input);
        item.Version = Version + 1;
        RaiseEvent(new AgendaItemEdited(ToView(item)));
        await WriteStateAsync();
        return Ok(ToView(item));
    }

    public async Task<MeetingResult> ReorderAgendaAsync(IReadOnlyList<Guid> order, long expectedVersion)
    {
        if (Check() is { } refusal) return refusal;
        if (State.AgendaVersion != expectedVersion) return Refused(MeetingOutcome.Stale, new AgendaOrder(Order(), State.AgendaVersion));
        if (order.Count != State.Agenda.Count || order.Distinct().Count() != order.Count || order.Any(id => State.Agenda.All(i => i.Id != id)))
            return Refused(MeetingOutcome.Invalid);
        State.Agenda = [.. order.Select(id => State.Agenda.First(i => i.Id == id))];
        State.AgendaVersion = Version + 1;
        RaiseEvent(new AgendaReordered(Order(), State.AgendaVersion));
        await WriteStateAsync();
        return Ok(new AgendaOrder(Order(), State.AgendaVersion));
    }

    public async Task<MeetingResult> RemoveAgendaItemAsync(Guid itemId, long expectedVersion)
    {
        if (Check() is { } refusal) return refusal;
        var item = State.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return Refused(MeetingOutcome.UnknownItem);
        if (item.Version != expectedVersion) return Refused(MeetingOutcome.Stale, ToView(item));
        if (State.Decisions.Any(d => d.AgendaItemId == itemId)) return Refused(MeetingOutcome.Invalid, ToView(item));
        State.Agenda.Remove(item);
        RemoveDocumentsOf(itemId);
        if (State.CurrentItemId == itemId) State.CurrentItemId = null;
        State.AgendaVersion = Version + 1;
        RaiseEvent(new AgendaItemRemoved(itemId, State.AgendaVersion));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> StartAsync()
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.Draft) return Refused(MeetingOutcome.WrongStatus);
        State.Status = MeetingStatus.InProgress;
        State.StartedAt = Now;
        if (State.Agenda.FirstOrDefault(i => !i.Done) is { } first) MakeCurrent(first.Id);
        RaiseEvent(new MeetingStarted(Now, State.CurrentItemId, AgendaViews()));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> SetCurrentItemAsync(Guid? itemId, bool keepQueue = false)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        if (itemId is { } id && State.Agenda.All(i => i.Id != id)) return Refused(MeetingOutcome.UnknownItem);
        if (State.CurrentItemId == itemId) return Ok();
        MakeCurrent(itemId);
        RaiseEvent(new CurrentItemChanged(State.CurrentItemId, AgendaViews()));
        if (!keepQueue && (State.Queue.Count > 0 || State.Speaker is not null))
        {
            ClearFloor();
            RaiseEvent(new FloorChanged(Floor()));
        }
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> SetItemDoneAsync(Guid itemId, bool done)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        var item = State.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (item is null) return Refused(MeetingOutcome.UnknownItem);
        if (item.Done == done) return Ok(ToView(item));
        item.Done = done;
        item.Version = Version + 1;
        RaiseEvent(new AgendaItemDoneChanged(ToView(item)));
        await WriteStateAsync();
        return Ok(ToView(item));
    }

    public async Task<MeetingResult> CloseAsync(IReadOnlyList<MailRecipient>? minutesTo = null)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        if (State.Motions.FirstOrDefault(m => m.Status == MotionStatus.Open) is { } running) return Refused(MeetingOutcome.MotionOpen, MotionView(running));
        MakeCurrent(null);
        ClearFloor();
        State.Status = MeetingStatus.Closed;
        State.ClosedAt = Now;
        foreach (var recipient in minutesTo ?? [])
            State.Mail.Record(MailKind.MeetingMinutes, recipient.Email, recipient.Name, recipient.Language, recipient.Reference, MinutesData(), Now);
        RaiseEvent(new MeetingClosed(Now, AgendaViews()));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> SendNoticeAsync(IReadOnlyList<MailRecipient> recipients)
    {
        if (Check() is { } refusal) return refusal;
        if (recipients.Count == 0) return Refused(MeetingOutcome.NoRecipients);
        if (State.NoticeSent) State.NoticeSequence++;
        State.NoticeSent = true;
        State.NoticeSentAt = Now;
        State.NoticeRecipients = recipients.Count;
        foreach (var recipient in recipients)
            State.Mail.Record(MailKind.MeetingNotice, recipient.Email, recipient.Name, recipient.Language, recipient.Reference, NoticeData(), Now);
        RaiseEvent(new NoticeSent(State.NoticeSequence, Now, recipients.Count));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> CancelAsync()
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.Draft) return Refused(MeetingOutcome.WrongStatus);
        State.Status = MeetingStatus.Cancelled;
        // Those who were sent a notice (delivered or on its way; not one refused by their server), each once.
        var notified = State.Mail.Messages.Where(m => m.Kind == MailKind.MeetingNotice && m.Status != MailStatus.Failed)
            .GroupBy(m => m.Reference).Select(g => g.Last()).ToList();
        if (notified.Count > 0)
        {
            State.NoticeSequence++;
            foreach (var notice in notified)
                State.Mail.Record(MailKind.MeetingCancelled, notice.To, notice.ToName, notice.Language, notice.Reference, NoticeData(), Now);
        }
        // A refused notice can no longer be resent: it would invite to a meeting that will not be held.
        foreach (var failed in State.Mail.Messages.Where(m => m.Kind == MailKind.MeetingNotice && m.Status == MailStatus.Failed))
            failed.Data = null;
        RaiseEvent(new MeetingCancelled(Now, notified.Count));
        await WriteStateAsync();
        return Ok();
    }

    public async Task<MeetingResult> SetAttendanceAsync(Guid memberId, AttendanceStatus status, string setBy, long? expectedVersion)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Roster.All(m => m.Id != memberId)) return Refused(MeetingOutcome.UnknownMember);
        if (!Enum.IsDefined(status)) return Refused(MeetingOutcome.Invalid);
        var index = State.Attendance.FindIndex(a => a.MemberId == memberId);
        var current = index >= 0 ? State.Attendance[index] : null;
        if (expectedVersion is { } expected && (current?.Version ?? 0) != expected)
            return Refused(MeetingOutcome.Stale, current);
        if (current?.Status == status) return Ok(current);
        var arrives = status is AttendanceStatus.Present or AttendanceStatus.Remote;
        DateTimeOffset? arrivedAt = arrives ? current?.ArrivedAt ?? Now : null;
        var entry = new AttendanceView(memberId, status, arrivedAt, setBy, Version + 1);
        if (index >= 0) State.Attendance[index] = entry; else State.Attendance.Add(entry);
        RaiseEvent(new AttendanceSet(entry, Quorum()));
        await WriteStateAsync();
        return Ok(entry);
    }

    public async Task<MeetingResult> RecordDecisionAsync(Guid decisionId, Guid agendaItemId, string text)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Status != MeetingStatus.InProgress) return Refused(MeetingOutcome.WrongStatus);
        if (State.Agenda.All(i => i.Id != agendaItemId)) return Refused(MeetingOutcome.UnknownItem);
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength) return Refused(MeetingOutcome.Invalid);
        if (State.Decisions.Any(d => d.Id == decisionId)) return Refused(MeetingOutcome.AlreadyExists);
        var decision = new DecisionView(decisionId, agendaItemId, text, Now, Version + 1);
        State.Decisions.Add(decision);
        RaiseEvent(new DecisionRecorded(decision));
        await WriteStateAsync();
        return Ok(decision);
    }

    public async Task<MeetingResult> AddActionItemAsync(Guid itemId, ActionItemInput input)
    {
        if (Check() is { } refusal) return refusal;
        var owner = State.Roster.FirstOrDefault(m => m.Id == input.OwnerMemberId);
        if (owner is null) return Refused(MeetingOutcome.UnknownMember);
        if (input.AgendaItemId is { } agendaItemId && State.Agenda.All(i => i.Id != agendaItemId)) return Refused(MeetingOutcome.UnknownItem);
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > MaxTextLength) return Refused(MeetingOutcome.Invalid);
        if (State.ActionItems.Any(a => a.Id == itemId)) return Refused(MeetingOutcome.AlreadyExists);
        var item = new ActionItemState
        {
            Id = itemId, Text = input.Text, OwnerMemberId = owner.Id, OwnerName = owner.Name, Due = input.Due,
            Status = ActionItemStatus.Open, AgendaItemId = input.AgendaItemId, Version = Version + 1,
        };
        State.ActionItems.Add(item);
        RaiseEvent(new ActionItemAdded(ToView(item)));
        await WriteStateAsync();
        return Ok(ToView(item));
    }

    public async Task<MeetingResult> UpdateActionItemAsync(Guid itemId, ActionItemPatch patch, long expectedVersion)
    {
        if (Check() is { } refusal) return refusal;
        var item = State.ActionItems.FirstOrDefault(a => a.Id == itemId);
        if (item is null) return Refused(MeetingOutcome.UnknownItem);
        if (item.Version != expectedVersion) return Refused(MeetingOutcome.Stale, ToView(item));
        RosterMember? owner = null;
        if (patch.OwnerMemberId is { } ownerId && (owner = State.Roster.FirstOrDefault(m => m.Id == ownerId)) is null)
            return Refused(MeetingOutcome.UnknownMember);
        if (patch.Text is { } text && (string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength)) return Refused(MeetingOutcome.Invalid);
        if (patch.Status is { } s && !Enum.IsDefined(s)) return Refused(MeetingOutcome.Invalid);
        if (patch.Text is not null) item.Text = patch.Text;
        if (owner is not null) (item.OwnerMemberId, item.OwnerName) = (owner.Id, owner.Name);
        if (patch.Due is not null) item.Due = patch.Due;
        if (patch.Status is { } status) SetStatus(item, status);
        item.Version = Version + 1;
        RaiseEvent(new ActionItemUpdated(ToView(item)));
        await WriteStateAsync();
        return Ok(ToView(item));
    }

    public async Task<MeetingResult> SetActionItemStatusAsync(Guid itemId, ActionItemStatus status, long expectedVersion)
    {
        if (!State.Exists) return Refused(MeetingOutcome.NotFound);
        var item = State.ActionItems.FirstOrDefault(a => a.Id == itemId);
        if (item is null) return Refused(MeetingOutcome.UnknownItem);
        if (item.Version != expectedVersion) return Refused(MeetingOutcome.Stale, ToView(item));
        if (!Enum.IsDefined(status)) return Refused(MeetingOutcome.Invalid);
        if (item.Status == status) return Ok(ToView(item));
        SetStatus(item, status);
        item.Version = Version + 1;
        RaiseEvent(new ActionItemUpdated(ToView(item)));
        await WriteStateAsync();
        return Ok(ToView(item));
    }

    public Task<MeetingView?> GetAsync() => Task.FromResult(State.Exists ? View() : null);

    public Task<Guid?> GetTableIdAsync() => Task.FromResult(State.Exists ? State.TableId : (Guid?)null);

    /// <summary>The table's coordination board follows the action items and decisions: a write that changes them owes it the meeting's items as of this version.</summary>
    protected override void OnWritingEvents(IReadOnlyList<LiveEvent> events)
    {
        if (events.Any(e => e.Data is MeetingCreated or FollowUpsAdded or ActionItemAdded or ActionItemUpdated or MeetingStarted or MeetingClosed
                or DecisionRecorded or MotionClosed))
            RecordEffect(new FeedTableBoard(MeetingActionItems.From(View())));
    }

    private void SetStatus(ActionItemState item, ActionItemStatus status)
    {
        if (item.Status != status) item.ClosedAt = status == ActionItemStatus.Done ? Now : null;
        item.Status = status;
    }

    private MeetingResult? Check() =>
        !State.Exists ? Refused(MeetingOutcome.NotFound)
        : State.Status is MeetingStatus.Closed or MeetingStatus.Cancelled ? Refused(MeetingOutcome.ReadOnly)
        : null;

    private MeetingResult Ok(object? current = null) => new(MeetingOutcome.Applied, Version, current);

    private MeetingResult Refused(MeetingOutcome outcome, object? current = null) => new(outcome, Version, current);

    private static bool IsValid(AgendaItemInput input) =>
        !string.IsNullOrWhiteSpace(input.Title) && input.Title.Length <= 200 && input.Presenter.Length <= 200 &&
        input.PlannedMinutes is >= 0 and <= 600 && input.Notes.Length <= MaxTextLength;

    private static void Apply(AgendaItemState item, AgendaItemInput input)
    {
        item.Title = input.Title;
        item.Presenter = input.Presenter;
        item.PlannedMinutes = input.PlannedMinutes;
        item.Notes = input.Notes;
    }

    /// <summary>Stops the clock of the current item (adding its time) and starts the given one's.</summary>
    private void MakeCurrent(Guid? itemId)
    {
        if (State.Agenda.FirstOrDefault(i => i.Id == State.CurrentItemId) is { CurrentSince: { } since } previous)
        {
            previous.SpentSeconds += (int)Math.Max(0, (Now - since).TotalSeconds);
            previous.CurrentSince = null;
        }
        State.CurrentItemId = itemId;
        if (State.Agenda.FirstOrDefault(i => i.Id == itemId) is { } next) next.CurrentSince = Now;
    }

    private IReadOnlyList<Guid> Order() => [.. State.Agenda.Select(i => i.Id)];

    private QuorumView Quorum()
    {
        var counted = State.Attendance.Count(a => a.Status is AttendanceStatus.Present or AttendanceStatus.Remote);
        return new QuorumView(State.Quorum, counted, counted >= State.Quorum);
    }

    private IReadOnlyList<AgendaItemView> AgendaViews() => [.. State.Agenda.Select(ToView)];

    private static AgendaItemView ToView(AgendaItemState i) =>
        new(i.Id, i.Title, i.Presenter, i.PlannedMinutes, i.Notes, i.Done, i.Version, i.SpentSeconds, i.CurrentSince, i.AdoptsMinutesOf);

    private static ActionItemView ToView(ActionItemState a) =>
        new(a.Id, a.Text, a.OwnerMemberId, a.OwnerName, a.Due, a.Status, a.AgendaItemId, a.OriginMeetingId, a.OriginMeetingTitle, a.Version, a.ClosedAt);

    private ActionItemState FromFollowUp(FollowUpItem f) => new()
    {
        Id = f.Id, Text = f.Text, OwnerMemberId = f.OwnerMemberId, OwnerName = f.OwnerName, Due = f.Due,
        Status = ActionItemStatus.Open, OriginMeetingId = f.OriginMeetingId, OriginMeetingTitle = f.OriginMeetingTitle, Version = Version + 1,
    };

    private bool IsOverrun()
    {
        var current = State.Agenda.FirstOrDefault(i => i.Id == State.CurrentItemId);
        if (current?.CurrentSince is not { } since || current.PlannedMinutes <= 0) return false;
        return current.SpentSeconds + (Now - since).TotalSeconds > current.PlannedMinutes * 60;
    }

    private Dictionary<string, string> NoticeData()
    {
        var minutes = Math.Max(60, State.Agenda.Sum(i => i.PlannedMinutes));
        return new()
        {
            ["meetingId"] = GrainGuidKey.ToString("N"),
            ["tableName"] = State.TableName,
            ["title"] = State.Title,
            ["startsAt"] = State.StartsAt.ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = State.StartsAt.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture),
            ["location"] = State.Location,
            ["sequence"] = State.NoticeSequence.ToString(CultureInfo.InvariantCulture),
            ["agenda"] = string.Join("\n", State.Agenda.Select(i =>
                i.Title + (i.Presenter.Length > 0 ? $" — {i.Presenter}" : "") + (i.PlannedMinutes > 0 ? $" ({i.PlannedMinutes} min)" : ""))),
        };
    }

    /// <summary>The minutes' summary a member gets by email; the full procès-verbal is one link away.</summary>
    private Dictionary<string, string> MinutesData() => new()
    {
        ["meetingId"] = GrainGuidKey.ToString("N"),
        ["tableName"] = State.TableName,
        ["title"] = State.Title,
        ["startsAt"] = State.StartsAt.ToString("O", CultureInfo.InvariantCulture),
        ["decisions"] = string.Join("\n", State.Decisions.Select(d =>
            (State.Agenda.FirstOrDefault(i => i.Id == d.AgendaItemId)?.Title is { } item ? $"{item} : " : "") + d.Text.ReplaceLineEndings(" "))),
        ["actions"] = string.Join("\n", State.ActionItems.Where(a => a.Status == ActionItemStatus.Open).Select(a =>
            $"{a.Text.ReplaceLineEndings(" ")} — {a.OwnerName}" + (a.Due is { } due ? $" ({due:yyyy-MM-dd})" : ""))),
    };

    private MeetingView View() => new(
        GrainGuidKey, VersionForSnapshot(), State.TableId, State.TableName, State.Title, State.StartsAt, State.Location,
        State.Status, State.StartedAt, State.ClosedAt, Now,
        [.. State.Roster], AgendaViews(), State.AgendaVersion, State.CurrentItemId, IsOverrun(),
        [.. State.Attendance], Quorum(), [.. State.Decisions],
        [.. State.ActionItems.Where(a => a.OriginMeetingId is null).Select(ToView)],
        [.. State.ActionItems.Where(a => a.OriginMeetingId is not null).Select(ToView)],
        State.NoticeSequence, State.NoticeSentAt, State.NoticeRecipients,
        [.. State.Motions.Select(MotionView)], Floor(), Minutes(), [.. State.Documents]);

}
