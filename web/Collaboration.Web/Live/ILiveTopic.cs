using System.Security.Claims;
using System.Text.Json;
using Collaboration.Silo.Storage;

namespace Collaboration.Web.Live;

/// <summary>
/// A family of live topics "{Prefix}:{key}" fed by the commits of grain "{GrainType}:{key}".
/// Each feature registers its topics (one grain may feed several, e.g. a public one with counts
/// only and an organiser one with names).
/// </summary>
public interface ILiveTopic
{
    string Prefix { get; }

    string GrainType { get; }

    /// <summary>Whether <paramref name="user"/> may follow this topic; checked at every subscribe.</summary>
    ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key);

    /// <summary>The current state as subscribers see it, with its version.</summary>
    Task<LiveSnapshot> SnapshotAsync(string key);

    /// <summary>What subscribers receive for a stored event: its data, reshaped or trimmed; null to send nothing.</summary>
    object? Project(string key, StoredEvent storedEvent) => JsonDocument.Parse(storedEvent.Data).RootElement.Clone();
}

public sealed record LiveSnapshot(long Version, object Data);

/// <summary>What the client method <c>event</c> receives.</summary>
public sealed record LiveEnvelope(string Topic, long Version, string Type, object? Data);

/// <summary>Answer to Subscribe: a snapshot (first time or far behind) or the events missed since the given version.</summary>
public sealed record SubscribeResult(string Topic, long Version, object? Snapshot, IReadOnlyList<LiveEnvelope>? Events);
