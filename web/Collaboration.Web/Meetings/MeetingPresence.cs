using System.Security.Claims;
using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings.Presence;
using Collaboration.Silo.Live;
using Collaboration.Web.Accounts;
using Collaboration.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Who has a meeting open, across the cluster. This node keeps its own hub connections on "meeting:{id}" topics
/// and tells the meeting's <see cref="IMeetingPresenceGrain"/> when one arrives or leaves, and, every
/// <see cref="MeetingPresenceGrain.HeartbeatEvery"/>, which are still live (one call per meeting, not per message:
/// <see cref="MeetingPresenceHeartbeat"/>). The grain's changes come back to every node through the live relay
/// (feed "meeting-presence") and go to the topic's group as client method <c>presence</c>; a new subscriber gets
/// the list at once.
/// </summary>
public sealed class MeetingPresence(
    LocalLiveFeed feed, IGrainFactory grains, ILocalSiloDetails silo, IHubContext<LiveHub> hub, ILogger<MeetingPresence> logger)
    : LiveFeedListener(feed), ILiveSubscriptionObserver
{
    public const string ClientMethod = "presence";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, PresentPerson>> _byTopic = new(StringComparer.Ordinal);
    private HashSet<string> _beatenTopics = new(StringComparer.Ordinal);

    /// <summary>This node in the grains' lists: its silo address, unique to this run of the node.</summary>
    private string Node => silo.SiloAddress.ToParsableString();

    protected override string Feed => MeetingPresenceGrain.Feed;

    public async Task OnSubscribedAsync(string topic, HubCallerContext connection)
    {
        if (MeetingOf(topic) is not { } meetingId) return;
        var person = PersonOf(connection.User ?? new ClaimsPrincipal(), connection.ConnectionId);
        lock (_gate)
        {
            if (!_byTopic.TryGetValue(topic, out var connections)) _byTopic[topic] = connections = new(StringComparer.Ordinal);
            connections[connection.ConnectionId] = person;
        }
        try
        {
            var now = await grains.GetGrain<IMeetingPresenceGrain>(meetingId).ArriveAsync(Node, new PresentConnection(connection.ConnectionId, person));
            // The newcomer learns who is there at once, even when the room's list did not change (another tab).
            await hub.Clients.Client(connection.ConnectionId).SendAsync(ClientMethod, new PresenceUpdate(topic, now.People, now.Version));
        }
        catch (Exception ex)
        {
            // The subscription stands; the next heartbeat tells the grain.
            logger.LogWarning(ex, "Could not record the arrival on {Topic}", topic);
        }
    }

    public Task OnUnsubscribedAsync(string topic, string connectionId)
    {
        bool removed;
        lock (_gate) removed = Remove(topic, connectionId);
        return removed ? LeaveAsync(topic, [connectionId]) : Task.CompletedTask;
    }

    public Task OnDisconnectedAsync(string connectionId)
    {
        List<string> topics;
        lock (_gate) topics = [.. _byTopic.Keys.Where(t => Remove(t, connectionId))];
        return Task.WhenAll(topics.Select(t => LeaveAsync(t, [connectionId])));
    }

    /// <summary>
    /// Takes a person out of every meeting topic on this node (their access was revoked): their
    /// connections leave the groups, so nothing more is pushed to them; a new Subscribe is refused.
    /// </summary>
    public async Task EjectAsync(string personId)
    {
        List<(string Topic, string ConnectionId)> ejected;
        lock (_gate)
        {
            ejected = [.. _byTopic.SelectMany(t => t.Value.Where(c => c.Value.Id == personId).Select(c => (t.Key, c.Key)))];
            foreach (var (topic, connectionId) in ejected) Remove(topic, connectionId);
        }
        foreach (var (topic, connectionId) in ejected) await hub.Groups.RemoveFromGroupAsync(connectionId, topic);
        foreach (var byTopic in ejected.GroupBy(e => e.Topic)) await LeaveAsync(byTopic.Key, [.. byTopic.Select(e => e.ConnectionId)]);
    }

    /// <summary>
    /// Sends each meeting's grain this node's live connections on it, and an empty list once to a meeting this node
    /// no longer has connections on (in case its last leave was lost). Returns how many could not be told.
    /// </summary>
    public async Task<int> HeartbeatAsync()
    {
        Dictionary<string, PresentConnection[]> beats;
        lock (_gate)
        {
            beats = _byTopic.ToDictionary(t => t.Key, t => t.Value.Select(c => new PresentConnection(c.Key, c.Value)).ToArray(), StringComparer.Ordinal);
            foreach (var gone in _beatenTopics.Where(t => !beats.ContainsKey(t))) beats[gone] = [];
            _beatenTopics = [.. _byTopic.Keys];
        }
        var failed = await Task.WhenAll(beats.Select(async beat =>
        {
            try
            {
                await grains.GetGrain<IMeetingPresenceGrain>(MeetingOf(beat.Key)!.Value).HeartbeatAsync(Node, beat.Value);
                return 0;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not send the presence heartbeat of {Topic}", beat.Key);
                return 1;
            }
        }));
        return failed.Sum();
    }

    /// <summary>A meeting's list changed (on whichever node its grain lives): to this node's subscribers of the topic.</summary>
    protected override void OnEvent(LiveEvent liveEvent)
    {
        if (liveEvent.Data is not PresenceChanged changed) return;
        var topic = $"{MeetingTopic.TopicPrefix}:{changed.MeetingId}";
        lock (_gate)
        {
            if (!_byTopic.ContainsKey(topic)) return; // nobody here has it open
        }
        _ = PushAsync(topic, new PresenceUpdate(topic, changed.People, liveEvent.Version));
    }

    private async Task PushAsync(string topic, PresenceUpdate update)
    {
        try
        {
            await hub.Clients.Group(topic).SendAsync(ClientMethod, update);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push presence of {Topic}", topic);
        }
    }

    private async Task LeaveAsync(string topic, IReadOnlyList<string> connectionIds)
    {
        try
        {
            await grains.GetGrain<IMeetingPresenceGrain>(MeetingOf(topic)!.Value).LeaveAsync(connectionIds);
        }
        catch (Exception ex)
        {
            // The next heartbeat, which no longer lists them, takes them out.
            logger.LogWarning(ex, "Could not record the departure from {Topic}", topic);
        }
    }

    /// <summary>Removes a connection from a topic of this node; true when it was there.</summary>
    private bool Remove(string topic, string connectionId)
    {
        if (!_byTopic.TryGetValue(topic, out var connections) || !connections.Remove(connectionId)) return false;
        if (connections.Count == 0) _byTopic.Remove(topic);
        return true;
    }

    /// <summary>The person behind a connection: a member by their id, an organiser by a hash of theirs (no email shown to members).</summary>
    private static PresentPerson PersonOf(ClaimsPrincipal user, string connectionId)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? connectionId;
        return new PresentPerson(
            user.IsInRole(Roles.Organiser) ? "organiser:" + SecretTokens.Hash(id)[..12] : id,
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? "");
    }

    private static Guid? MeetingOf(string topic) =>
        topic.StartsWith(MeetingTopic.TopicPrefix + ":", StringComparison.Ordinal) && Guid.TryParse(topic.AsSpan(MeetingTopic.TopicPrefix.Length + 1), out var id)
            ? id : null;
}
