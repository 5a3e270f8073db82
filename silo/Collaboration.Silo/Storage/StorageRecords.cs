using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.Storage;

/// <summary>A grain's state as stored: JSON text and the version (ETag) it was written at.</summary>
public sealed record StoredState(string Json, long Version);

/// <summary>One event of a grain's log. <see cref="Data"/> is JSON text.</summary>
public sealed record StoredEvent(GrainId GrainId, long Version, string Type, string Data, DateTimeOffset CreatedAt);

/// <summary>
/// One atomic write: the new state, and the events numbered ExpectedVersion+1 … NewVersion
/// (a write without events still advances the version by one).
/// </summary>
public sealed record GrainWrite(
    GrainId GrainId,
    long ExpectedVersion,
    long NewVersion,
    string StateJson,
    IReadOnlyList<StoredEvent> Events,
    DateTimeOffset WrittenAt);

/// <summary>The stored version was not the one expected: someone else wrote first.</summary>
public sealed class StorageConflictException(GrainId id, long expectedVersion)
    : Exception($"Grain {id} is no longer at version {expectedVersion}.")
{
    public GrainId GrainId { get; } = id;

    public long ExpectedVersion { get; } = expectedVersion;
}
