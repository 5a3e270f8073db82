using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Live;

namespace Collaboration.Web.Workshops;

/// <summary>
/// "workshop-admin:{id}": organisers only; the snapshot is the session with its registrant list,
/// and events go out whole (registrant details included), in the same format as the snapshot and the API.
/// </summary>
public sealed class WorkshopAdminTopic(IGrainFactory grains, WorkshopsPermissions permissions) : ILiveTopic
{
    public string Prefix => "workshop-admin";

    public string Feed => "workshop";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        WorkshopTopicKeys.IsSessionKey(key) ? permissions.AllowsAsync(user, WorkshopAction.Organise, Guid.Parse(key)) : ValueTask.FromResult(false);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IWorkshopSessionGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(Guid.Parse(key));
        var view = await session.GetAsync();
        if (view is null) return new LiveSnapshot(0, new { missing = true });
        var registrants = await session.GetRegistrantsAsync();
        // The list is read after the view: a registration in between shows in the list and comes again as an event; clients dedupe by code.
        return new LiveSnapshot(view.Version, new AdminSnapshot(WorkshopSummary.From(view), registrants));
    }

    public sealed record AdminSnapshot(WorkshopSummary Workshop, IReadOnlyList<RegistrantView> Registrants);
}
