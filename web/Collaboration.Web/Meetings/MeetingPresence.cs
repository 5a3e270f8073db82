using System.Security.Claims;
using Collaboration.Web.Accounts;
using Collaboration.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Who has a meeting open right now: the hub connections subscribed to "meeting:{id}" on this
/// node. Not stored. When someone arrives or leaves (not another tab of someone already there)
/// the list is pushed to the topic's group as client method <c>presence</c>, coalesced over
/// <see cref="Coalescing"/>; a new subscriber gets it at once. With several nodes each node knows
/// its own connections only.
/// </summary>
public sealed class MeetingPresence(IHubContext<LiveHub> hub, ILogger<MeetingPresence> logger) : ILiveSubscriptionObserver
{
    public const string ClientMethod = "presence";

    /// <summary>Changes within this window go out as one push: a room filling up is not N² messages.</summary>
    public static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, PresentPerson>> _byTopic = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pushPending = new(StringComparer.Ordinal);

    /// <summary>The people who have the meeting open, one entry per person however many tabs.</summary>
    public IReadOnlyList<PresentPerson> For(string topic)
    {
        lock (_gate) return Distinct(topic);
    }

    public Task OnSubscribedAsync(string topic, HubCallerContext connection)
    {
        if (!IsMeeting(topic)) return Task.CompletedTask;
        var user = connection.User ?? new ClaimsPrincipal();
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? connection.ConnectionId;
        var person = new PresentPerson(
            user.IsInRole(Roles.Organiser) ? "organiser:" + SecretTokens.Hash(id)[..12] : id, // no organiser email to members
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindFirstValue(ClaimTypes.Role) ?? "");
        bool newPerson;
        IReadOnlyList<PresentPerson> now;
        lock (_gate)
        {
            if (!_byTopic.TryGetValue(topic, out var connections)) _byTopic[topic] = connections = new(StringComparer.Ordinal);
            newPerson = connections.Values.All(p => p.Id != person.Id);
            connections[connection.ConnectionId] = person;
            now = Distinct(topic);
        }
        if (newPerson) SchedulePush(topic);
        // The newcomer learns who is there at once, even when the room's list did not change (another tab).
        return hub.Clients.Client(connection.ConnectionId).SendAsync(ClientMethod, new PresenceUpdate(topic, now));
    }

    public Task OnUnsubscribedAsync(string topic, string connectionId)
    {
        bool changed;
        lock (_gate) changed = _byTopic.TryGetValue(topic, out var connections) && Remove(topic, connections, connectionId);
        if (changed) SchedulePush(topic);
        return Task.CompletedTask;
    }

    public Task OnDisconnectedAsync(string connectionId)
    {
        List<string> changed;
        lock (_gate) changed = [.. _byTopic.Where(t => Remove(t.Key, t.Value, connectionId)).Select(t => t.Key)];
        foreach (var topic in changed) SchedulePush(topic);
        return Task.CompletedTask;
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
            foreach (var (topic, connectionId) in ejected) Remove(topic, _byTopic[topic], connectionId);
        }
        foreach (var (topic, connectionId) in ejected) await hub.Groups.RemoveFromGroupAsync(connectionId, topic);
        foreach (var topic in ejected.Select(e => e.Topic).Distinct()) SchedulePush(topic);
    }

    /// <summary>Removes a connection; true when a person left (their last connection to the topic).</summary>
    private bool Remove(string topic, Dictionary<string, PresentPerson> connections, string connectionId)
    {
        if (!connections.Remove(connectionId, out var person)) return false;
        if (connections.Count == 0) _byTopic.Remove(topic);
        return connections.Values.All(p => p.Id != person.Id);
    }

    private void SchedulePush(string topic)
    {
        lock (_gate)
        {
            if (!_pushPending.Add(topic)) return;
        }
        _ = PushLaterAsync(topic);
    }

    private async Task PushLaterAsync(string topic)
    {
        try
        {
            await Task.Delay(Coalescing);
            IReadOnlyList<PresentPerson> people;
            lock (_gate)
            {
                _pushPending.Remove(topic);
                people = Distinct(topic);
            }
            await hub.Clients.Group(topic).SendAsync(ClientMethod, new PresenceUpdate(topic, people));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not push presence of {Topic}", topic);
        }
    }

    private IReadOnlyList<PresentPerson> Distinct(string topic) =>
        _byTopic.TryGetValue(topic, out var connections)
            ? [.. connections.Values.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.CurrentCulture)]
            : [];

    private static bool IsMeeting(string topic) => topic.StartsWith(MeetingTopic.TopicPrefix + ":", StringComparison.Ordinal);
}

public sealed record PresentPerson(string Id, string Name, string Role);

public sealed record PresenceUpdate(string Topic, IReadOnlyList<PresentPerson> People);
