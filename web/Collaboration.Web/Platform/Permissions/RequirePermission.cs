namespace Collaboration.Web.Platform.Permissions;

/// <summary>
/// The one permission filter: reads the resource's id from the route, asks the feature's
/// <see cref="IPermissions{TAction}"/>, and answers 403 (401 to nobody signed in) before the handler runs.
/// </summary>
public sealed class RequirePermission<TAction>(TAction action, string routeValue) : IEndpointFilter where TAction : struct, Enum
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var resource = http.GetRouteValue(routeValue) is string value && Guid.TryParse(value, out var id) ? id : Guid.Empty;
        var permissions = http.RequestServices.GetRequiredService<IPermissions<TAction>>();
        if (await permissions.AllowsAsync(http.User, action, resource)) return await next(context);
        return http.User.Identity?.IsAuthenticated == true ? Problems.Forbidden() : Problems.Unauthorized();
    }
}
