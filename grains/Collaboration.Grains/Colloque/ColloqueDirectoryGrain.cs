using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>Reentrant with group commit: every method changes the state without awaiting first, so a burst of self-registrations shares writes.</summary>
[Reentrant]
[GrainType("colloque-directory")]
public sealed class ColloqueDirectoryGrain(
    [PersistentState("colloque-directory", StorageNames.Grains)] IPersistentState<DirectoryState> state, TimeProvider clock)
    : DurableGrain<DirectoryState>(state, clock), IColloqueDirectoryGrain
{
    public async Task UpsertAsync(IReadOnlyList<DirectoryEntry> entries)
    {
        if (entries.Count == 0) return;
        // Each registration sends its whole entry at a rising revision: the newest wins, a repeat or a late one changes nothing.
        var changed = false;
        foreach (var entry in entries)
        {
            if (State.Entries.TryGetValue(entry.Code, out var known) && known.Revision >= entry.Revision) continue;
            State.Entries[entry.Code] = entry;
            changed = true;
        }
        if (changed) await WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, string>> FindByMatchKeysAsync(IReadOnlyList<string> matchKeys)
    {
        var wanted = matchKeys.Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> found = State.Entries.Values
            .Where(e => wanted.Contains(e.MatchKey))
            .GroupBy(e => e.MatchKey)
            .ToDictionary(g => g.Key, g => g.First().Code);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DirectoryEntry>> SearchAsync(string query, int limit)
    {
        var words = NameFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = query.Trim().ToUpperInvariant();
        IReadOnlyList<DirectoryEntry> found = words.Length == 0 ? [] : State.Entries.Values
            .Where(e => e.Code == code || Matches(e, words))
            .OrderBy(e => NameFolding.Fold(e.Name), StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DirectoryEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DirectoryEntry>>(State.Entries.Values.OrderBy(e => NameFolding.Fold(e.Name), StringComparer.Ordinal).ToList());

    public Task<DirectoryEntry?> FindAsync(string code) => Task.FromResult(State.Entries.GetValueOrDefault(code));

    private static bool Matches(DirectoryEntry entry, string[] words)
    {
        var haystack = NameFolding.Fold(entry.Name) + " " + NameFolding.Fold(entry.Organisation);
        return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
    }
}
