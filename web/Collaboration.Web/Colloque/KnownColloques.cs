using Collaboration.Grains.Colloque;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Anonymous routes under <c>/api/colloques/{id}</c> answer an id the colloque index does not list
/// with 404 before any colloque grain is called: the index is one grain, already active, so a flood
/// of random ids activates nothing (each activation cost memory until idle collection).
/// </summary>
public static class KnownColloques
{
    public static async Task<bool> ExistsAsync(IGrainFactory grains, Guid id) =>
        (await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync()).Any(c => c.Id == id);

    /// <summary>The endpoint filter: the route's <c>{id}</c> must be a listed colloque.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("id") as string, out var id)
            || !await ExistsAsync(http.RequestServices.GetRequiredService<IGrainFactory>(), id))
            return Unknown();
        return await next(context);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unknown() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-colloque", "Colloque introuvable.", "Colloque not found.");
}
