using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// One meeting of a table: draft → in progress → closed (read-only). Agenda, attendance and
/// quorum, decisions, action items and the follow-up of earlier meetings' open action items.
/// Edits of an existing thing carry the version the editor saw; a stale edit is refused with the
/// current value (<see cref="MeetingOutcome.Stale"/>). Ids of new things are chosen by the caller.
/// </summary>
[Alias("meeting")]
public interface IMeetingGrain : IGrainWithGuidKey, ILiveFeedGrain, IMailOutboxGrain
{
    Task<MeetingResult> CreateAsync(MeetingSetup setup);

    /// <summary>Adds members who joined the table since the meeting was created (not once it is closed).</summary>
    Task<MeetingResult> SyncRosterAsync(IReadOnlyList<RosterMember> roster);

    /// <summary>Adds open action items of earlier meetings not already followed up here.</summary>
    Task<MeetingResult> AddFollowUpsAsync(IReadOnlyList<FollowUpItem> items);

    Task<MeetingResult> AddAgendaItemAsync(Guid itemId, AgendaItemInput input);

    Task<MeetingResult> EditAgendaItemAsync(Guid itemId, AgendaItemInput input, long expectedVersion);

    /// <summary>Puts the agenda in this order (all item ids, each once); expectedVersion is the agenda's <c>agendaVersion</c>.</summary>
    Task<MeetingResult> ReorderAgendaAsync(IReadOnlyList<Guid> order, long expectedVersion);

    Task<MeetingResult> RemoveAgendaItemAsync(Guid itemId, long expectedVersion);

    Task<MeetingResult> StartAsync();

    /// <summary>Makes an item the current one (null: none); the clock of its time starts; the speaking queue empties unless kept.</summary>
    Task<MeetingResult> SetCurrentItemAsync(Guid? itemId, bool keepQueue = false);

    Task<MeetingResult> SetItemDoneAsync(Guid itemId, bool done);

    /// <summary>Closes the meeting; the minutes' summary goes to <paramref name="minutesTo"/> in the same write.</summary>
    Task<MeetingResult> CloseAsync(IReadOnlyList<MailRecipient>? minutesTo = null);

    /// <summary>
    /// Records the meeting notice (agenda as it is now, calendar file) to each recipient; a later
    /// notice is an update (SEQUENCE bumped). The organiser sends it when the agenda is ready (creating
    /// a meeting sends nothing). Not once the meeting is closed; not to nobody (<see cref="MeetingOutcome.NoRecipients"/>).
    /// </summary>
    Task<MeetingResult> SendNoticeAsync(IReadOnlyList<MailRecipient> recipients);

    /// <summary>
    /// Cancels a meeting not started yet (read-only afterwards). Whoever was sent its notice gets the
    /// cancellation in the same write: the same calendar event, SEQUENCE bumped, METHOD:CANCEL.
    /// </summary>
    Task<MeetingResult> CancelAsync();

    /// <summary>Sets a member's attendance; expectedVersion (optional) is the attendance entry's version seen.</summary>
    Task<MeetingResult> SetAttendanceAsync(Guid memberId, AttendanceStatus status, string setBy, long? expectedVersion);

    Task<MeetingResult> RecordDecisionAsync(Guid decisionId, Guid agendaItemId, string text);

    Task<MeetingResult> AddActionItemAsync(Guid itemId, ActionItemInput input);

    /// <summary>Changes an action item (or a followed-up one); null fields are left as they are.</summary>
    Task<MeetingResult> UpdateActionItemAsync(Guid itemId, ActionItemPatch patch, long expectedVersion);

    /// <summary>
    /// Follows an action item up between meetings (the coordination board): only its status changes,
    /// and this is allowed once the meeting is closed too, since an item is done when it is done.
    /// </summary>
    Task<MeetingResult> SetActionItemStatusAsync(Guid itemId, ActionItemStatus status, long expectedVersion);

    /// <summary>Opens a vote on a motion (one at a time); refused without quorum (<see cref="MeetingOutcome.NoQuorum"/>).</summary>
    Task<MeetingResult> OpenMotionAsync(Guid motionId, MotionInput input);

    /// <summary>
    /// A member's ballot (present or remote), changeable until the vote closes. For a secret vote
    /// <paramref name="ballotKey"/> is the member's keyed hash for this motion: the choice is stored under it only.
    /// </summary>
    Task<MeetingResult> CastBallotAsync(Guid motionId, Guid memberId, string? ballotKey, BallotChoice choice);

    /// <summary>The chair's show of hands for members present without a device (replaces the previous count).</summary>
    Task<MeetingResult> CountHandsAsync(Guid motionId, HandCount hands);

    /// <summary>Closes the vote (quorum checked again) and records its result as a decision on the motion's agenda item.</summary>
    Task<MeetingResult> CloseMotionAsync(Guid motionId);

    Task<MeetingResult> WithdrawMotionAsync(Guid motionId);

    /// <summary>A member's own choices by motion (secret votes found by the member's ballot keys).</summary>
    Task<IReadOnlyDictionary<Guid, BallotChoice>> GetOwnBallotsAsync(Guid memberId, IReadOnlyDictionary<Guid, string> secretKeys);

    /// <summary>Puts a member in the speaking queue (from their device, or by the chair for a hand raised in the room).</summary>
    Task<MeetingResult> RaiseHandAsync(Guid memberId, bool byChair);

    Task<MeetingResult> LowerHandAsync(Guid memberId);

    /// <summary>The floor to this member, or to the first in the queue when null.</summary>
    Task<MeetingResult> GiveFloorAsync(Guid? memberId);

    Task<MeetingResult> EndSpeakingAsync();

    Task<MeetingResult> SetSpeakingLimitAsync(int? seconds);

    /// <summary>Sends the closed meeting's minutes to the members (with their link): draft → circulated. Refused once adopted.</summary>
    Task<MeetingResult> CirculateMinutesAsync(IReadOnlyList<MailRecipient> recipients);

    /// <summary>A member's comment or correction on an item of the circulated minutes (refused before circulation and once adopted).</summary>
    Task<MeetingResult> CommentMinutesAsync(Guid commentId, MinutesCommentInput input);

    /// <summary>The chair accepts or declines a comment; an accepted correction replaces the text and keeps the previous one.</summary>
    Task<MeetingResult> DecideMinutesCommentAsync(Guid commentId, bool accept, string decidedBy, long expectedVersion);

    /// <summary>Opens a motion that, carried, is an erratum to the adopted minutes of <paramref name="correctsMeetingId"/> (checked by the caller).</summary>
    Task<MeetingResult> OpenErratumMotionAsync(Guid motionId, MotionInput input, Guid correctsMeetingId);

    /// <summary>A later meeting carried an erratum to these minutes (idempotent by its motion).</summary>
    Task RecordErratumAsync(ErratumView erratum);

    /// <summary>A later meeting adopted these minutes (by a carried motion): they are locked (idempotent).</summary>
    Task AdoptMinutesAsync(AdoptMinutes adoption);

    /// <summary>
    /// Lists a document on an agenda item once its bytes are stored (the entry is what grants access to them);
    /// refused past <see cref="MeetingGrain.MaxMeetingDocumentBytes"/> for the meeting (<see cref="MeetingOutcome.DocumentsFull"/>).
    /// </summary>
    Task<MeetingResult> AttachDocumentAsync(AgendaDocument document);

    /// <summary>Takes a document off the meeting: nobody can download it any more.</summary>
    Task<MeetingResult> RemoveDocumentAsync(Guid documentId);

    /// <summary>
    /// The meeting's table (null: no meeting), for the permission check of every meeting route: a meeting never changes
    /// table, so each node remembers it (<c>MeetingTables</c>) and calls this once per meeting, not the whole view per request.
    /// </summary>
    [ReadOnly]
    Task<Guid?> GetTableIdAsync();

    /// <summary>The meeting as of now (overrun computed from the clock), or null when never created.</summary>
    Task<MeetingView?> GetAsync();
}
