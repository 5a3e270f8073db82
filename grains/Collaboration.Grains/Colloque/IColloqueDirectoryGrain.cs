
namespace Collaboration.Grains.Colloque;

/// <summary>
/// A colloque's accent-insensitive name directory (code, name, organisation, category). Kept apart
/// from <see cref="IColloqueGrain"/> so that a check-in, which writes the colloque's aggregates,
/// does not rewrite thousands of names each time; it changes only on registration, import, cancellation,
/// badge printing and erasure, each told by the registration after its commit.
/// </summary>
[Alias("colloque-directory")]
public interface IColloqueDirectoryGrain : IGrainWithGuidKey
{
    /// <summary>Keeps each entry whose revision is newer than the one held (the registrations feed it: <see cref="ListInDirectory"/>).</summary>
    Task UpsertAsync(IReadOnlyList<DirectoryEntry> entries);

    /// <summary>Codes already registered under these match keys.</summary>
    Task<IReadOnlyDictionary<string, string>> FindByMatchKeysAsync(IReadOnlyList<string> matchKeys);

    /// <summary>Entries whose name or organisation contains every word of the query, accents and case ignored.</summary>
    Task<IReadOnlyList<DirectoryEntry>> SearchAsync(string query, int limit);

    Task<IReadOnlyList<DirectoryEntry>> ListAsync();

    Task<DirectoryEntry?> FindAsync(string code);

}
