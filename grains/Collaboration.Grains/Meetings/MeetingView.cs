namespace Collaboration.Grains.Meetings;

[GenerateSerializer, Immutable]
public sealed record MeetingView(
    Guid Id, long Version, Guid TableId, string TableName, string Title, DateTimeOffset StartsAt, string Location,
    MeetingStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt, DateTimeOffset Now,
    IReadOnlyList<RosterMember> Members, IReadOnlyList<AgendaItemView> Agenda, long AgendaVersion, Guid? CurrentItemId, bool Overrun,
    IReadOnlyList<AttendanceView> Attendance, QuorumView Quorum, IReadOnlyList<DecisionView> Decisions,
    IReadOnlyList<ActionItemView> ActionItems, IReadOnlyList<ActionItemView> FollowUps, int NoticeSequence = 0,
    DateTimeOffset? NoticeSentAt = null, int NoticeRecipients = 0,
    IReadOnlyList<MotionView>? Motions = null, FloorView? Floor = null, MinutesView? Minutes = null,
    IReadOnlyList<AgendaDocument>? Documents = null)
{
    /// <summary>What a member sees: a running vote's totals and names only where the chair shows them.</summary>
    public MeetingView ForMembers() => this with { Motions = [.. (Motions ?? []).Select(m => m.ForMembers())] };
}
