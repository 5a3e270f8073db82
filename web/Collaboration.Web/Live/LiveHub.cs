using Collaboration.Grains.Runtime;
using Collaboration.Silo.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Live;

/// <summary>
/// The one hub, /hubs/live. Subscribe checks the topic's permission, joins its group, then
/// answers with what the client missed; from then on every commit reaches it as an
/// <c>event</c> (see <see cref="LiveBroadcaster"/>). Joining before reading means an event may
/// come twice but never not at all; clients drop versions they have already seen.
/// </summary>
public sealed class LiveHub(TopicRegistry topics, IGrainStorage storage, IEnumerable<ILiveSubscriptionObserver> observers) : Hub
{
    /// <summary>Past this many missed events a snapshot is cheaper than the replay.</summary>
    public const int MaxReplayedEvents = 500;

    public async Task<SubscribeResult> Subscribe(string topic, long sinceVersion)
    {
        if (!topics.TryResolve(topic, out var definition, out var key))
            throw new HubException("Sujet inconnu. / Unknown topic.");
        if (!await definition.CanSubscribeAsync(Context.User ?? new(), key))
            throw new HubException("Accès refusé à ce sujet. / Access to this topic is denied.");

        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        foreach (var observer in observers) await observer.OnSubscribedAsync(topic, Context);

        if (sinceVersion > 0)
        {
            var grainId = new GrainId(definition.GrainType, key);
            var missed = await storage.ReadEventsAsync(grainId, sinceVersion, MaxReplayedEvents + 1);
            // A client ahead of storage (history reset) must start again from a snapshot.
            var aheadOfStorage = missed.Count == 0 &&
                (await storage.ReadVersionsAsync([grainId])).GetValueOrDefault(grainId) < sinceVersion;
            if (missed.Count <= MaxReplayedEvents && !aheadOfStorage)
            {
                var envelopes = missed
                    .Select(e => new LiveEnvelope(topic, e.Version, e.Type, definition.Project(key, e)))
                    .Where(e => e.Data is not null)
                    .ToList();
                return new SubscribeResult(topic, missed.Count > 0 ? missed[^1].Version : sinceVersion, null, envelopes);
            }
        }
        var snapshot = await definition.SnapshotAsync(key);
        return new SubscribeResult(topic, snapshot.Version, snapshot.Data, null);
    }

    public async Task Unsubscribe(string topic)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
        foreach (var observer in observers) await observer.OnUnsubscribedAsync(topic, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var observer in observers) await observer.OnDisconnectedAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
