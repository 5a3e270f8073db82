using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Live;
using Collaboration.Web.Live;

namespace Collaboration.Web.Colloque;

/// <summary>
/// "colloque:{id}": arrivals, undos and desks as they happen, with names — for the organiser and
/// the desks paired with this colloque only. The snapshot is the same shape as GET …/stats.
/// </summary>
public sealed class ColloqueTopic(IGrainFactory grains, ColloquePermissions permissions) : ILiveTopic
{
    public string Prefix => "colloque";

    public string Feed => "colloque";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        Guid.TryParse(key, out var id) ? permissions.AllowsAsync(user, ColloqueAction.Operate, id) : ValueTask.FromResult(false);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IColloqueGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var id = Guid.Parse(key);
        var view = await grains.GetGrain<IColloqueGrain>(id).GetAsync();
        if (view is null) return new LiveSnapshot(0, new { });
        var registered = (await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync()).Count(e => !e.Cancelled);
        return new LiveSnapshot(view.Version, ColloqueApi.Stats(view, registered));
    }
}
