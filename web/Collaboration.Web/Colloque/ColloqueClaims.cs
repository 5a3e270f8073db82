using System.Security.Claims;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Colloque;

/// <summary>Claims a paired desk's cookie carries: the one colloque it serves and which desk it is.</summary>
public static class ColloqueClaims
{
    public const string ColloqueId = "colloque";
    public const string DeskId = "desk";

    /// <summary>The desk id of a desk caller; null for an organiser.</summary>
    public static string? DeskOf(ClaimsPrincipal user) => user.IsInRole(Roles.Desk) ? user.FindFirstValue(DeskId) : null;
}
