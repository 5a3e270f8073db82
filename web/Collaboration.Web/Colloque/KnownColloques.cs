using System.Collections.Concurrent;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Anonymous routes under <c>/api/colloques/{id}</c> answer an id the colloque index does not list
/// with 404 before any colloque grain is called: the index is one grain, already active, so a flood
/// of random ids activates nothing (each activation cost memory until idle collection).
/// <para>
/// The index only ever adds colloques, so an id once found listed stays listed: each node remembers the ids it found
/// and asks the index only about the others. A registration burst then costs no call to the index (on a second node,
/// that was a silo-to-silo hop and a copy of the whole list per request); an unknown id still asks it every time.
/// </para>
/// </summary>
public sealed class KnownColloques(IGrainFactory grains)
{
    // Listed colloques seen by this node (a few per year): never removed, as the index never removes one.
    private readonly ConcurrentDictionary<Guid, bool> _listed = new();

    public async ValueTask<bool> ExistsAsync(Guid id)
    {
        if (_listed.ContainsKey(id)) return true;
        if (!(await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync()).Any(c => c.Id == id)) return false;
        _listed.TryAdd(id, true);
        return true;
    }

    /// <summary>The endpoint filter: the route's <c>{id}</c> must be a listed colloque.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("id") as string, out var id)
            || !await http.RequestServices.GetRequiredService<KnownColloques>().ExistsAsync(id))
            return Unknown();
        return await next(context);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unknown() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-colloque", "Colloque introuvable.", "Colloque not found.");
}
