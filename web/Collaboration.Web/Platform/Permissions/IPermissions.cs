using System.Security.Claims;

namespace Collaboration.Web.Platform.Permissions;

/// <summary>
/// One feature's permissions: from each of its actions to a one-line check, for one resource (the
/// thing a route names: a table, a colloque; <see cref="Guid.Empty"/> when the route names none).
/// The endpoints declare their action with <see cref="PermissionEndpoints.Requires{TBuilder, TAction}"/>;
/// the hub's topics and the handlers whose check depends on the body or a stored item call it too.
/// </summary>
public interface IPermissions<in TAction> where TAction : struct, Enum
{
    ValueTask<bool> AllowsAsync(ClaimsPrincipal user, TAction action, Guid resource);
}
