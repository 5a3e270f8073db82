using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Meetings;

[GenerateSerializer]
public sealed class MeetingState : ILiveState, IMailOutboxState
{
    [Id(18)] public LiveLog Live { get; set; } = new();

    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public Guid TableId { get; set; }
    [Id(2)] public string TableName { get; set; } = "";
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public DateTimeOffset StartsAt { get; set; }
    [Id(5)] public string Location { get; set; } = "";
    [Id(6)] public int Quorum { get; set; }
    [Id(7)] public string CreatedBy { get; set; } = "";
    [Id(8)] public MeetingStatus Status { get; set; }
    [Id(9)] public DateTimeOffset? StartedAt { get; set; }
    [Id(10)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(11)] public List<RosterMember> Roster { get; set; } = [];
    [Id(12)] public List<AgendaItemState> Agenda { get; set; } = [];
    [Id(13)] public long AgendaVersion { get; set; }
    [Id(14)] public Guid? CurrentItemId { get; set; }
    [Id(15)] public List<AttendanceView> Attendance { get; set; } = [];
    [Id(16)] public List<DecisionView> Decisions { get; set; } = [];
    [Id(17)] public List<ActionItemState> ActionItems { get; set; } = [];

    /// <summary>Notices and minutes to the members, each written with the change that caused it.</summary>
    [Id(19)] public MailOutbox Mail { get; set; } = new();

    /// <summary>The iCalendar SEQUENCE of the notices: bumped at each notice after the first (an updated agenda).</summary>
    [Id(20)] public int NoticeSequence { get; set; }

    [Id(21)] public bool NoticeSent { get; set; }

    /// <summary>When the last notice was recorded, and to how many members (what the organiser's button shows).</summary>
    [Id(22)] public DateTimeOffset? NoticeSentAt { get; set; }

    [Id(23)] public int NoticeRecipients { get; set; }

    /// <summary>Motions, open or closed, in the order they were opened.</summary>
    [Id(24)] public List<MotionState> Motions { get; set; } = [];

    /// <summary>The speaking queue in order of request, who has the floor, and the time per speaker.</summary>
    [Id(25)] public List<RaisedHand> Queue { get; set; } = [];

    [Id(26)] public Speaker? Speaker { get; set; }

    [Id(27)] public int? SpeakingLimitSeconds { get; set; }

    [Id(28)] public MinutesStatus MinutesStatus { get; set; }
    [Id(29)] public DateTimeOffset? MinutesCirculatedAt { get; set; }
    [Id(30)] public DateTimeOffset? MinutesAdoptedAt { get; set; }
    [Id(31)] public Guid? MinutesAdoptedIn { get; set; }
    [Id(32)] public string? MinutesAdoptedInTitle { get; set; }
    [Id(33)] public Guid? MinutesAdoptedBy { get; set; }

    /// <summary>Comments and corrections made while the minutes were circulated, with what the chair decided (issue 19b: ids 40–59).</summary>
    [Id(40)] public List<MinutesCommentState> MinutesComments { get; set; } = [];

    /// <summary>Motions opened as errata, by motion: the earlier meeting whose adopted minutes each corrects.</summary>
    [Id(41)] public Dictionary<Guid, Guid> ErratumMotions { get; set; } = [];

    /// <summary>Errata of these (adopted) minutes, carried at later meetings.</summary>
    [Id(42)] public List<ErratumView> Errata { get; set; } = [];

    /// <summary>Documents attached to agenda items (their bytes are in the document store, not here).</summary>
    [Id(60)] public List<AgendaDocument> Documents { get; set; } = [];

    /// <summary>What this grain's committed changes still owe to others (see <see cref="Platform.AfterCommitGrain{TState}"/>).</summary>
    [Id(90)] public Platform.EffectOutbox Effects { get; set; } = new();
}
