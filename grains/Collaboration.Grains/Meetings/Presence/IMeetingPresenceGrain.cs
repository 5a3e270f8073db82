using Collaboration.Grains.Live;

namespace Collaboration.Grains.Meetings.Presence;

/// <summary>
/// Who has one meeting open, across the cluster (keyed by the meeting's id). Web nodes tell it when a connection
/// opens or leaves the meeting, and every <c>HeartbeatEvery</c> send the list of their live connections in one call;
/// a connection not heard of for <see cref="MeetingPresenceGrain.Expiry"/> is dropped (a dead node's clients).
/// Held in memory only: after the grain moves, the nodes' next heartbeats fill it again.
/// </summary>
[Alias("meeting-presence")]
public interface IMeetingPresenceGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    /// <summary>A connection of node <paramref name="node"/> opened the meeting; returns the list with it.</summary>
    Task<PresenceSnapshot> ArriveAsync(string node, PresentConnection connection);

    /// <summary>These connections left the meeting (closed, unsubscribed, ejected).</summary>
    Task LeaveAsync(IReadOnlyList<string> connectionIds);

    /// <summary>
    /// Node <paramref name="node"/> has exactly these connections on the meeting now: they are seen again, and the
    /// node's other connections that the grain still holds are gone (a leave that was lost).
    /// </summary>
    Task HeartbeatAsync(string node, IReadOnlyList<PresentConnection> connections);

    Task<PresenceSnapshot> GetAsync();
}
