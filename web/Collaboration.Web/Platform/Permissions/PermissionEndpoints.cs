namespace Collaboration.Web.Platform.Permissions;

public static class PermissionEndpoints
{
    /// <summary>
    /// Only callers the feature's permissions allow <paramref name="action"/> on the resource named by the route value
    /// <paramref name="routeValue"/>. Anyone not signed in gets 401 from the authorisation middleware, before the body
    /// is read, as for every signed-in endpoint; the others get 403 from <see cref="RequirePermission{TAction}"/>.
    /// </summary>
    public static TBuilder Requires<TBuilder, TAction>(this TBuilder builder, TAction action, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder where TAction : struct, Enum =>
        builder.RequireAuthorization().AddEndpointFilter(new RequirePermission<TAction>(action, routeValue));

    /// <summary>Registers a feature's permissions once, as itself and as <see cref="IPermissions{TAction}"/> for the filter.</summary>
    public static IServiceCollection AddPermissions<TPermissions, TAction>(this IServiceCollection services)
        where TPermissions : class, IPermissions<TAction> where TAction : struct, Enum
    {
        services.AddSingleton<TPermissions>();
        services.AddSingleton<IPermissions<TAction>>(sp => sp.GetRequiredService<TPermissions>());
        return services;
    }
}
