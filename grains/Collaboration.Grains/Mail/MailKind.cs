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
    ColloqueRegistered,
    MeetingCancelled,
}
