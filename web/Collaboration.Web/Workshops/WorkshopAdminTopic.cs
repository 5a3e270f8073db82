using System.Security.Claims;
using Collaboration.Grains.Runtime;
using System.Text.Json;
using Collaboration.Grains.Workshops;
using Collaboration.Grains.Workshops.Events;
using Collaboration.Silo.Storage;
using Collaboration.Web.Live;

namespace Collaboration.Web.Workshops;

/// <summary>
/// "workshop-admin:{id}": organisers only; the snapshot is the session with its registrant list,
/// and events go out whole (registrant details included).
/// </summary>
public sealed class WorkshopAdminTopic(IGrainFactory grains) : ILiveTopic
{
    public string Prefix => "workshop-admin";

    public string GrainType => "workshop";

    public ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key) =>
        ValueTask.FromResult(WorkshopTopicKeys.IsSessionKey(key) && WorkshopPermissions.Allows(user, WorkshopPermissions.Action.Organise));

    public async Task<LiveSnapshot> SnapshotAsync(string key)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(Guid.Parse(key));
        var view = await session.GetAsync();
        if (view is null) return new LiveSnapshot(0, new { missing = true });
        var registrants = await session.GetRegistrantsAsync();
        // The list is read after the view: a registration in between shows in the list and comes again as an event; clients dedupe by code.
        return new LiveSnapshot(view.Version, new AdminSnapshot(WorkshopSummary.From(view), registrants));
    }

    /// <summary>
    /// The event whole, re-read as its record so it has the same JSON shape as the snapshot and the
    /// API (enum names as in C#), rather than the stored camelCase form.
    /// </summary>
    public object? Project(string key, StoredEvent storedEvent)
    {
        var type = typeof(WorkshopCreated).Assembly.GetType($"{typeof(WorkshopCreated).Namespace}.{storedEvent.Type}");
        return type is null
            ? JsonDocument.Parse(storedEvent.Data).RootElement.Clone()
            : JsonSerializer.Deserialize(storedEvent.Data, type, WorkshopTopicKeys.Json);
    }

    public sealed record AdminSnapshot(WorkshopSummary Workshop, IReadOnlyList<RegistrantView> Registrants);
}
