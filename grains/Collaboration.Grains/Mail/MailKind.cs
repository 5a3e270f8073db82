namespace Collaboration.Grains.Mail;

/// <summary>What a recorded message is about; the web layer's composer has one template per kind.</summary>
public enum MailKind
{
    WorkshopConfirmed,
    WorkshopWaitlisted,
    WorkshopPromoted,
    WorkshopSeatsChanged,
    WorkshopCancelled,
    WorkshopSessionCancelled,
    WorkshopReminder,
    MemberInvited,
    MemberLinkReissued,
    MeetingNotice,
    MeetingMinutes,
    /// <summary>A colloque self-registration, place confirmed (recorded held with the registration, released when the place is decided).</summary>
    ColloqueRegistered,
    /// <summary>The same confirmation of the registration, when its place is on the waitlist.</summary>
    ColloqueWaitlisted,
    ColloquePromoted,
    ColloqueCancelled,
    /// <summary>A meeting cancelled, to those who were sent its notice (the calendar file cancels the event).</summary>
    MeetingCancelled,
    /// <summary>A workshop registration's manage link, sent again to its address (asked from the public page).</summary>
    WorkshopManageLink,
    /// <summary>An invitation to join the organisers (a 72-hour link to set one's password).</summary>
    OrganiserInvited,
    /// <summary>A password reset link (30 minutes, once).</summary>
    OrganiserPasswordReset,
    /// <summary>The evaluation of an event, to someone marked present: the personal link (and the attestation attached).</summary>
    EvaluationInvited,
    /// <summary>The one reminder, to those who have not answered.</summary>
    EvaluationReminder,
    /// <summary>A colloque registration's manage link, sent to its address on request (a form typed the address, or "find my registration").</summary>
    ColloqueManageLink,
}
