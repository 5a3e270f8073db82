using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

public sealed class MeetingState
{
    public bool Exists { get; set; }
    public Guid TableId { get; set; }
    public string TableName { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public string Location { get; set; } = "";
    public int Quorum { get; set; }
    public string CreatedBy { get; set; } = "";
    public MeetingStatus Status { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<RosterMember> Roster { get; set; } = [];
    public List<AgendaItemState> Agenda { get; set; } = [];
    public long AgendaVersion { get; set; }
    public Guid? CurrentItemId { get; set; }
    public List<AttendanceView> Attendance { get; set; } = [];
    public List<DecisionView> Decisions { get; set; } = [];
    public List<ActionItemState> ActionItems { get; set; } = [];
}

public sealed class AgendaItemState
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Presenter { get; set; } = "";
    public int PlannedMinutes { get; set; }
    public string Notes { get; set; } = "";
    public bool Done { get; set; }
    public long Version { get; set; }

    /// <summary>Time spent as the current item before the present stint.</summary>
    public int SpentSeconds { get; set; }

    /// <summary>When it became the current item (null when it is not current).</summary>
    public DateTimeOffset? CurrentSince { get; set; }
}

public sealed class ActionItemState
{
    public Guid Id { get; set; }
    public string Text { get; set; } = "";
    public Guid OwnerMemberId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateOnly? Due { get; set; }
    public ActionItemStatus Status { get; set; }
    public Guid? AgendaItemId { get; set; }
    public Guid? OriginMeetingId { get; set; }
    public string? OriginMeetingTitle { get; set; }
    public long Version { get; set; }
}
