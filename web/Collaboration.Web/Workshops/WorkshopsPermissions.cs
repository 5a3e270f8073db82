using System.Security.Claims;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform.Permissions;

namespace Collaboration.Web.Workshops;

/// <summary>Who may do what with workshops: one place, called by the endpoints and the live topics.</summary>
public sealed class WorkshopsPermissions : IPermissions<WorkshopAction>
{
    public ValueTask<bool> AllowsAsync(ClaimsPrincipal user, WorkshopAction action, Guid workshopId) =>
        ValueTask.FromResult(Allows(user, action));

    /// <summary>
    /// Browse and Register: anyone. ManageOwnRegistration: whoever holds the manage token (checked
    /// by the session grain against the stored hash, not here). Organise: organisers only.
    /// </summary>
    public bool Allows(ClaimsPrincipal user, WorkshopAction action) => action switch
    {
        WorkshopAction.Browse or WorkshopAction.Register or WorkshopAction.ManageOwnRegistration => true,
        WorkshopAction.Organise => user.IsInRole(Roles.Organiser),
        _ => false,
    };
}
