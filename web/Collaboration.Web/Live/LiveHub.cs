using Collaboration.Grains.Platform;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Live;

/// <summary>
/// The one hub, /hubs/live. Subscribe checks the topic's permission, joins its group, then
/// answers with what the client missed, from the feeding grain's recent tail (or a snapshot when
/// <paramref name="sinceVersion"/> is null, too old, or ahead of the grain); from then on every
/// commit reaches it as an <c>event</c> (see <see cref="LiveBroadcaster"/>). Joining before
/// reading means an event may come twice but never not at all; clients drop versions they have
/// already seen, and ask again (with their last version) when they see a gap.
/// </summary>
public sealed class LiveHub(TopicRegistry topics, IEnumerable<ILiveSubscriptionObserver> observers) : Hub
{
    public async Task<SubscribeResult> Subscribe(string topic, long? sinceVersion)
    {
        if (!topics.TryResolve(topic, out var definition, out var key))
            throw new HubException("Sujet inconnu. / Unknown topic.");
        if (!await definition.CanSubscribeAsync(Context.User ?? new(), key))
            throw new HubException("Accès refusé à ce sujet. / Access to this topic is denied.");

        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        foreach (var observer in observers) await observer.OnSubscribedAsync(topic, Context);

        if (sinceVersion is { } since and > 0)
        {
            var replay = await definition.Source(key).GetEventsSinceAsync(since);
            if (replay.Events is { } missed)
            {
                var envelopes = missed
                    .Select(e => new LiveEnvelope(topic, e.Version, e.Type, definition.Project(key, e)))
                    .Where(e => e.Data is not null)
                    .ToList();
                if (envelopes.Count > 0) ConcertationMetrics.LiveGapsRefilled.Add(1, new KeyValuePair<string, object?>("by", "client"));
                return new SubscribeResult(topic, replay.Version, null, envelopes);
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
