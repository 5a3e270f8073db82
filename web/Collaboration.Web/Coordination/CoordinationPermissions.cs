using System.Security.Claims;
using Collaboration.Web.Accounts;
using Collaboration.Web.Meetings;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Coordination;

/// <summary>
/// Who may do what with the coordination board. A table's board is its meetings' action items, so a
/// table is seen by whoever may read its meetings, and an item's status changed by whoever may on its
/// meeting (<see cref="MeetingsPermissions"/>): the chair, the secretary, the organisers, or the item's owner.
/// </summary>
public sealed class CoordinationPermissions(MeetingsPermissions meetings) : IPermissions<CoordinationAction>
{
    public async ValueTask<bool> AllowsAsync(ClaimsPrincipal user, CoordinationAction action, Guid tableId) => action switch
    {
        CoordinationAction.SeeBoard => user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Member)),
        CoordinationAction.SeeTable => await meetings.AllowsAsync(user, MeetingAction.Read, tableId),
        CoordinationAction.Rebuild => user.IsInRole(Roles.Organiser),
        _ => false,
    };

    /// <summary>Whether the caller, <paramref name="access"/> to the item's table, may change the status of an item <paramref name="ownerMemberId"/> owns.</summary>
    public static bool MayChangeStatus(TableAccess access, Guid ownerMemberId) =>
        MeetingsPermissions.Allows(access, MeetingAction.SetActionItemStatus, ownerMemberId);
}
