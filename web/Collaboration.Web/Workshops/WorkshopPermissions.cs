using System.Security.Claims;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Workshops;

/// <summary>Who may do what with workshops: one place, called by the endpoints and the live topics.</summary>
public static class WorkshopPermissions
{
    public enum Action { Browse, Register, ManageOwnRegistration, Organise }

    /// <summary>
    /// Browse and Register: anyone. ManageOwnRegistration: whoever holds the manage token (checked
    /// by the session grain against the stored hash, not here). Organise: organisers only.
    /// </summary>
    public static bool Allows(ClaimsPrincipal user, Action action) => action switch
    {
        Action.Browse or Action.Register or Action.ManageOwnRegistration => true,
        Action.Organise => user.IsInRole(Roles.Organiser),
        _ => false,
    };
}
