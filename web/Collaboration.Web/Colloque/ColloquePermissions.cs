using System.Security.Claims;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Who may do what with a colloque. Organisers manage every colloque; a desk operates (scans,
/// searches, registers walk-ins, follows the live topic) for the ONE colloque it was paired with.
/// Everybody else (anonymous callers, employers, table members) gets only the public topics.
/// </summary>
public sealed class ColloquePermissions : IPermissions<ColloqueAction>
{
    public ValueTask<bool> AllowsAsync(ClaimsPrincipal user, ColloqueAction action, Guid colloqueId) =>
        ValueTask.FromResult(Allows(user, action, colloqueId));

    public bool Allows(ClaimsPrincipal user, ColloqueAction action, Guid colloqueId) => action switch
    {
        ColloqueAction.Manage or ColloqueAction.AdmitBeyondPlaces => user.IsInRole(Roles.Organiser),
        ColloqueAction.Operate => user.IsInRole(Roles.Organiser) ||
            (user.IsInRole(Roles.Desk) && user.FindFirstValue(ColloqueClaims.ColloqueId) == colloqueId.ToString()),
        ColloqueAction.FollowPublicly => true,
        _ => false,
    };
}
