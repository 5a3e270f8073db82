using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Web.Accounts;

/// <summary>This node's hub connections per session, so that ending a session closes them at once.</summary>
public sealed class SessionConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _bySession = new(StringComparer.Ordinal);

    public void Add(string sessionId, HubCallerContext connection) =>
        _bySession.GetOrAdd(sessionId, _ => new(StringComparer.Ordinal))[connection.ConnectionId] = connection;

    public void Remove(string sessionId, string connectionId)
    {
        if (!_bySession.TryGetValue(sessionId, out var connections)) return;
        connections.TryRemove(connectionId, out _);
        if (connections.IsEmpty) _bySession.TryRemove(sessionId, out _);
    }

    public void Abort(string sessionId)
    {
        if (!_bySession.TryRemove(sessionId, out var connections)) return;
        foreach (var connection in connections.Values) connection.Abort();
    }
}
