using System.Security.Claims;
using Collaboration.Web.Accounts;
using Collaboration.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Who has a meeting open right now: the hub connections subscribed to "meeting:{id}" on this
/// node. Not stored; each change is pushed to the topic's group as client method
/// <c>presence</c>. With several nodes each node knows its own connections only.
/// </summary>
public sealed class MeetingPresence(IHubContext<LiveHub> hub) : ILiveSubscriptionObserver
{
    public const string ClientMethod = "presence";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, PresentPerson>> _byTopic = new(StringComparer.Ordinal);

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
        lock (_gate)
        {
            if (!_byTopic.TryGetValue(topic, out var connections)) _byTopic[topic] = connections = new(StringComparer.Ordinal);
            connections[connection.ConnectionId] = person;
        }
        return PushAsync(topic);
    }

    public Task OnUnsubscribedAsync(string topic, string connectionId)
    {
        bool removed;
        lock (_gate) removed = _byTopic.TryGetValue(topic, out var connections) && Remove(topic, connections, connectionId);
        return removed ? PushAsync(topic) : Task.CompletedTask;
    }

    public async Task OnDisconnectedAsync(string connectionId)
    {
        List<string> changed;
        lock (_gate) changed = [.. _byTopic.Where(t => Remove(t.Key, t.Value, connectionId)).Select(t => t.Key)];
        foreach (var topic in changed) await PushAsync(topic);
    }

    private bool Remove(string topic, Dictionary<string, PresentPerson> connections, string connectionId)
    {
        if (!connections.Remove(connectionId)) return false;
        if (connections.Count == 0) _byTopic.Remove(topic);
        return true;
    }

    private Task PushAsync(string topic)
    {
        IReadOnlyList<PresentPerson> people;
        lock (_gate) people = Distinct(topic);
        return hub.Clients.Group(topic).SendAsync(ClientMethod, new PresenceUpdate(topic, people));
    }

    private IReadOnlyList<PresentPerson> Distinct(string topic) =>
        _byTopic.TryGetValue(topic, out var connections)
            ? [.. connections.Values.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.CurrentCulture)]
            : [];

    private static bool IsMeeting(string topic) => topic.StartsWith(MeetingTopic.TopicPrefix + ":", StringComparison.Ordinal);
}

public sealed record PresentPerson(string Id, string Name, string Role);

public sealed record PresenceUpdate(string Topic, IReadOnlyList<PresentPerson> People);
