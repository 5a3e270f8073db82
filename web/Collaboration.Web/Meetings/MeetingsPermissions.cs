using System.Security.Claims;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Every permission of the meetings feature. A member's cookie is checked against the table at
/// each call (the member must still be on the table, with access not revoked since the cookie was
/// issued), not only by its claims. Organisers see every table. The resource is the table: a meeting's routes
/// check against the meeting's table through <see cref="RequireMeetingPermission"/>.
/// </summary>
public sealed class MeetingsPermissions(IGrainFactory grains) : IPermissions<MeetingAction>
{
    /// <summary>For an endpoint or a topic that names the table (<see cref="Guid.Empty"/>: none, e.g. creating one).</summary>
    public async ValueTask<bool> AllowsAsync(ClaimsPrincipal user, MeetingAction action, Guid tableId) =>
        Allows(await ForTableAsync(user, tableId), action);

    public async Task<TableAccess> ForTableAsync(ClaimsPrincipal user, Guid tableId, TableView? table = null)
    {
        if (user.Identity?.IsAuthenticated != true) return TableAccess.None;
        if (user.IsInRole(Roles.Organiser)) return new(TableRole.Organiser, null);
        if (!user.IsInRole(Roles.Member)) return TableAccess.None;
        var membership = TableMembership.From(user).FirstOrDefault(m => m.TableId == tableId);
        if (membership is null) return TableAccess.None;
        // This one member's access, read at each request (a revocation counts at once), not a copy of the whole table.
        var member = table is not null
            ? table.Member(membership.MemberId) is { } view ? new MemberAccess(view.Role, view.AccessRevoked, view.AccessStamp) : null
            : await grains.GetGrain<ITableGrain>(tableId).GetAccessAsync(membership.MemberId);
        if (member is null || member.Revoked || member.Stamp != membership.Stamp) return TableAccess.None;
        return new(member.Role == MemberRole.Secretary ? TableRole.Secretary : TableRole.Member, membership.MemberId);
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
