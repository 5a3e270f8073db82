using Collaboration.Grains.Runtime;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Durable home of grain state and of each grain's event log. Every provider passes the same
/// conformance suite (tests/Collaboration.Silo.Tests/Storage).
/// </summary>
public interface IGrainStorage
{
    string Name { get; }

    /// <summary>Applies pending schema migrations. Idempotent; safe when several nodes start at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored state, or null when the grain was never written.</summary>
    Task<StoredState?> ReadStateAsync(GrainId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the state at <see cref="GrainWrite.NewVersion"/> and appends its events, in one
    /// transaction, only if the stored version is still <see cref="GrainWrite.ExpectedVersion"/>.
    /// Throws <see cref="StorageConflictException"/> otherwise; anything else means storage failed.
    /// </summary>
    Task WriteStateAsync(GrainWrite write, CancellationToken cancellationToken = default);

    /// <summary>Events of one grain with a version greater than <paramref name="afterVersion"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(GrainId id, long afterVersion, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Current versions of the given grains (absent grains are left out).</summary>
    Task<IReadOnlyDictionary<GrainId, long>> ReadVersionsAsync(IReadOnlyCollection<GrainId> ids, CancellationToken cancellationToken = default);

    /// <summary>Throws when storage cannot be reached.</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);
}
