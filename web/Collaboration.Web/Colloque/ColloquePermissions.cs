using System.Security.Claims;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Who may do what with a colloque. Organisers manage every colloque; a desk operates (scans,
/// searches, registers walk-ins, follows the live topic) for the ONE colloque it was paired with.
/// Everybody else (anonymous callers, employers, table members) gets nothing.
/// </summary>
public static class ColloquePermissions
{
    public static bool CanManage(ClaimsPrincipal user) => user.IsInRole(Roles.Organiser);

    public static bool CanOperate(ClaimsPrincipal user, Guid colloqueId) =>
        CanManage(user) || (user.IsInRole(Roles.Desk) && user.FindFirstValue(ColloqueClaims.ColloqueId) == colloqueId.ToString());

    /// <summary>
    /// The colloque's public topics (programme and places, room screens): anyone, for a colloque id written as the
    /// pages write it, so that one topic has one name.
    /// </summary>
    public static bool CanFollowPublicly(string colloqueKey) =>
        Guid.TryParseExact(colloqueKey, "D", out var id) && id.ToString("D") == colloqueKey;

    /// <summary>The desk id of a desk caller; null for an organiser.</summary>
    public static string? DeskOf(ClaimsPrincipal user) => user.IsInRole(Roles.Desk) ? user.FindFirstValue(ColloqueClaims.DeskId) : null;
}
