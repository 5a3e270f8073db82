namespace Collaboration.Web.Meetings;

/// <summary>What one may do with a table and its meetings (see <see cref="MeetingsPermissions"/>).</summary>
public enum MeetingAction
{
    /// <summary>See the table, its meetings, minutes; follow the live topic.</summary>
    Read,
    /// <summary>Create tables and meetings, add members, issue and revoke sign-in links.</summary>
    ManageTable,
    /// <summary>Run the meeting: start, close, agenda, current item, decisions, action items, anyone's attendance.</summary>
    Run,
    /// <summary>Set one member's attendance (a member may set their own).</summary>
    SetAttendance,
    /// <summary>Change an action item's status (a member may for an item they own).</summary>
    SetActionItemStatus,
    /// <summary>Vote on a motion: only members, each for themself (the chair counts hands instead).</summary>
    Vote,
    /// <summary>Raise or lower a hand to speak: a member for themself; the chair for anyone.</summary>
    RaiseHand,
    /// <summary>Comment on circulated minutes or propose a correction: the table's members, each as themself.</summary>
    CommentMinutes,
    /// <summary>Attach a document to an agenda item (a member: the item's presenter) or remove one (a member: one they attached).</summary>
    ShareDocument,
}
