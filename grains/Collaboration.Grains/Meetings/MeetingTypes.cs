using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

public enum MeetingStatus { Draft, InProgress, Closed }

public enum AttendanceStatus { Present, Remote, Absent, Excused }

public enum ActionItemStatus { Open, Done }

/// <summary>Applied, or why not. Stale comes with the current value in <see cref="MeetingResult.Current"/>.</summary>
public enum MeetingOutcome { Applied, NotFound, AlreadyExists, Stale, ReadOnly, WrongStatus, UnknownItem, UnknownMember, Invalid }

[GenerateSerializer, Immutable]
public sealed record MeetingResult(MeetingOutcome Outcome, long Version, object? Current = null)
{
    public bool Applied => Outcome == MeetingOutcome.Applied;
}

[GenerateSerializer, Immutable]
public sealed record RosterMember(Guid Id, string Name, string Organisation, Sector Sector, MemberRole Role);

[GenerateSerializer, Immutable]
public sealed record MeetingSetup(
    Guid TableId, string TableName, string Title, DateTimeOffset StartsAt, string Location, int Quorum,
    IReadOnlyList<RosterMember> Roster, IReadOnlyList<FollowUpItem> FollowUps, string CreatedBy);

[GenerateSerializer, Immutable]
public sealed record AgendaItemInput(string Title, string Presenter, int PlannedMinutes, string Notes);

[GenerateSerializer, Immutable]
public sealed record ActionItemInput(string Text, Guid OwnerMemberId, DateOnly? Due, Guid? AgendaItemId);

[GenerateSerializer, Immutable]
public sealed record ActionItemPatch(string? Text = null, Guid? OwnerMemberId = null, DateOnly? Due = null, ActionItemStatus? Status = null);

/// <summary>An open action item carried from an earlier meeting.</summary>
[GenerateSerializer, Immutable]
public sealed record FollowUpItem(Guid Id, Guid OriginMeetingId, string OriginMeetingTitle, string Text, Guid OwnerMemberId, string OwnerName, DateOnly? Due);

[GenerateSerializer, Immutable]
public sealed record AgendaItemView(
    Guid Id, string Title, string Presenter, int PlannedMinutes, string Notes, bool Done, long Version,
    int SpentSeconds, DateTimeOffset? CurrentSince);

[GenerateSerializer, Immutable]
public sealed record AttendanceView(Guid MemberId, AttendanceStatus Status, DateTimeOffset? ArrivedAt, string SetBy, long Version);

[GenerateSerializer, Immutable]
public sealed record DecisionView(Guid Id, Guid AgendaItemId, string Text, DateTimeOffset RecordedAt, long Version);

[GenerateSerializer, Immutable]
public sealed record ActionItemView(
    Guid Id, string Text, Guid OwnerMemberId, string OwnerName, DateOnly? Due, ActionItemStatus Status, Guid? AgendaItemId,
    Guid? OriginMeetingId, string? OriginMeetingTitle, long Version);

[GenerateSerializer, Immutable]
public sealed record QuorumView(int Required, int Counted, bool Reached);

[GenerateSerializer, Immutable]
public sealed record MeetingView(
    Guid Id, long Version, Guid TableId, string TableName, string Title, DateTimeOffset StartsAt, string Location,
    MeetingStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt, DateTimeOffset Now,
    IReadOnlyList<RosterMember> Members, IReadOnlyList<AgendaItemView> Agenda, long AgendaVersion, Guid? CurrentItemId, bool Overrun,
    IReadOnlyList<AttendanceView> Attendance, QuorumView Quorum, IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ActionItemView> ActionItems, IReadOnlyList<ActionItemView> FollowUps);
