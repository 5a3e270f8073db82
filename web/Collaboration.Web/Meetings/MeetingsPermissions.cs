using System.Security.Claims;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Meetings;

public enum TableRole { None, Member, Secretary, Organiser }

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

/// <summary>What the caller is to one table; <see cref="MemberId"/> when they are signed in as its member.</summary>
public sealed record TableAccess(TableRole Role, Guid? MemberId)
{
    public static readonly TableAccess None = new(TableRole.None, null);
}

/// <summary>
/// Every permission of the meetings feature. A member's cookie is checked against the table at
/// each call (the member must still be on the table, with access not revoked since the cookie was
/// issued), not only by its claims. Organisers see every table.
/// </summary>
public sealed class MeetingsPermissions(IGrainFactory grains)
{
    public async Task<TableAccess> ForTableAsync(ClaimsPrincipal user, Guid tableId, TableView? table = null)
    {
        if (user.Identity?.IsAuthenticated != true) return TableAccess.None;
        if (user.IsInRole(Roles.Organiser)) return new(TableRole.Organiser, null);
        if (!user.IsInRole(Roles.Member)) return TableAccess.None;
        var membership = TableMembership.From(user).FirstOrDefault(m => m.TableId == tableId);
        if (membership is null) return TableAccess.None;
        table ??= await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        var member = table?.Member(membership.MemberId);
        if (member is null || member.AccessRevoked || member.AccessStamp != membership.Stamp) return TableAccess.None;
        return new(member.Role == MemberRole.Secretary ? TableRole.Secretary : TableRole.Member, member.Id);
    }

    /// <summary>The tables the caller may see.</summary>
    public async Task<IReadOnlyList<TableEntry>> VisibleTablesAsync(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Organiser)) return await grains.GetGrain<ITableDirectoryGrain>("default").ListAsync();
        var visible = new List<TableEntry>();
        foreach (var membership in TableMembership.From(user))
        {
            var table = await grains.GetGrain<ITableGrain>(membership.TableId).GetAsync();
            if (table is not null && (await ForTableAsync(user, table.Id, table)).Role != TableRole.None)
                visible.Add(new TableEntry(table.Id, table.Name));
        }
        return visible;
    }

    public static bool Allows(TableAccess access, MeetingAction action, Guid? subjectMemberId = null) => action switch
    {
        MeetingAction.Read => access.Role != TableRole.None,
        MeetingAction.ManageTable => access.Role == TableRole.Organiser,
        MeetingAction.Run => access.Role is TableRole.Organiser or TableRole.Secretary,
        MeetingAction.Vote => access.MemberId is { } self && subjectMemberId == self,
        MeetingAction.CommentMinutes => access.MemberId is not null,
        MeetingAction.SetAttendance or MeetingAction.SetActionItemStatus or MeetingAction.RaiseHand or MeetingAction.ShareDocument =>
            access.Role is TableRole.Organiser or TableRole.Secretary ||
            (access.Role == TableRole.Member && subjectMemberId is not null && subjectMemberId == access.MemberId),
        _ => false,
    };
}
