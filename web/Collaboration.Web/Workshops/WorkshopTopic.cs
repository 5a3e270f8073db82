using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Workshops;
using Collaboration.Grains.Workshops.Events;
using Collaboration.Web.Live;

namespace Collaboration.Web.Workshops;

/// <summary>
/// "workshop:{id}": public, counts only. Every workshop event carries a <c>counts</c> object and
/// nothing else of it is sent, so no name, email or registration code ever reaches this topic.
/// A promoted employer's private page also follows this topic: on a promotion it re-reads its
/// own registration over HTTP with its token in a header, so the token never travels through
/// the hub (neither in its URL nor in a topic name).
/// </summary>
public sealed class WorkshopTopic(IGrainFactory grains, WorkshopsPermissions permissions) : ILiveTopic
{
    public string Prefix => "workshop";

    public string Feed => "workshop";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        WorkshopTopicKeys.IsSessionKey(key) ? permissions.AllowsAsync(user, WorkshopAction.Browse, Guid.Parse(key)) : ValueTask.FromResult(false);

    public ILiveFeedGrain Source(string key) => grains.GetGrain<IWorkshopSessionGrain>(Guid.Parse(key));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var view = await grains.GetGrain<IWorkshopSessionGrain>(Guid.Parse(key)).GetAsync();
        return view is null ? new LiveSnapshot(0, new { missing = true }) : new LiveSnapshot(view.Version, WorkshopSummary.From(view));
    }

    public object? Project(string key, LiveEvent liveEvent) =>
        liveEvent.Data is IWorkshopEvent workshopEvent ? new PublicWorkshopEvent(workshopEvent.Counts) : null;
}

/// <summary>All a public subscriber receives for an event.</summary>
public sealed record PublicWorkshopEvent(WorkshopCounts Counts);
