using System.Security.Claims;
using Collaboration.Grains.Live;

namespace Collaboration.Web.Live;

/// <summary>
/// A family of live topics "{Prefix}:{key}" fed by the grain of type <see cref="Feed"/> and the
/// same key. Each feature registers its topics (one grain may feed several, e.g. a public one with
/// counts only and an organiser one with names).
/// </summary>
public interface ILiveTopic
{
    string Prefix { get; }

    /// <summary>The Orleans grain type that feeds this topic ("meeting").</summary>
    string Feed { get; }

    /// <summary>Whether <paramref name="user"/> may follow this topic; checked at every subscribe.</summary>
    ValueTask<bool> CanSubscribeAsync(ClaimsPrincipal user, string key);

    /// <summary>The grain that replays what a subscriber missed (the same one that feeds the topic).</summary>
    ILiveFeedGrain Source(string key);

    /// <summary>The current state as subscribers see it, with its version.</summary>
    Task<LiveSnapshot> SnapshotAsync(string key);

    /// <summary>
    /// What subscribers receive for an event: its data, reshaped or trimmed (by default the record itself, in the
    /// one wire format, <see cref="Platform.WireJson"/>). Null sends nothing, which subscribers see as a version gap and ask again for:
    /// prefer a trimmed event to none.
    /// </summary>
    object? Project(string key, LiveEvent liveEvent) => liveEvent.Data;
}

public sealed record LiveSnapshot(long Version, object Data);

/// <summary>What the client method <c>event</c> receives.</summary>
public sealed record LiveEnvelope(string Topic, long Version, string Type, object? Data);

/// <summary>Answer to Subscribe: a snapshot (first time or far behind) or the events missed since the given version.</summary>
public sealed record SubscribeResult(string Topic, long Version, object? Snapshot, IReadOnlyList<LiveEnvelope>? Events);
