using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// Reentrant with group commit: every method changes the state without awaiting first, so a burst of self-registrations shares writes.
/// The entries are a <see cref="Ledger{TEntry}"/>: a write carries the entries that changed, not the whole directory.
/// </summary>
[Reentrant]
[GrainType("colloque-directory")]
public sealed class ColloqueDirectoryGrain(
    [PersistentState("colloque-directory", StorageNames.Grains)] IPersistentState<DirectoryState> state, TimeProvider clock)
    : DurableGrain<DirectoryState>(state, clock), IColloqueDirectoryGrain
{
    private Ledger<DirectoryEntry> _entries = null!;

    /// <summary>
    /// During a burst, one write per 50 ms at most carries every listing that arrived meanwhile (as the signups grain's):
    /// written as fast as it could, it took a write per five registrations, each rewriting its head.
    /// </summary>
    private protected override TimeSpan MinimumWriteInterval => TimeSpan.FromMilliseconds(50);

    private IReadOnlyDictionary<string, DirectoryEntry> Entries => _entries.Entries;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _entries = new Ledger<DirectoryEntry>("colloque-directory", this.GetGrainId(), ServiceProvider, () => State.Recent, e => e.Code);
        await _entries.LoadAsync();
        // A directory stored whole before the ledger: its entries move into the ledger with the next write.
        foreach (var entry in State.Entries.Values) _entries.Put(entry);
        State.Entries.Clear();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task UpsertAsync(IReadOnlyList<DirectoryEntry> entries)
    {
        if (entries.Count == 0) return;
        // Each registration sends its whole entry at a rising revision: the newest wins, a repeat or a late one changes nothing.
        var changed = false;
        foreach (var entry in entries)
        {
            if (Entries.TryGetValue(entry.Code, out var known) && known.Revision >= entry.Revision) continue;
            _entries.Put(entry);
            changed = true;
        }
        if (changed) await WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, string>> FindByMatchKeysAsync(IReadOnlyList<string> matchKeys)
    {
        var wanted = matchKeys.Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> found = Entries.Values
            .Where(e => wanted.Contains(e.MatchKey))
            .GroupBy(e => e.MatchKey)
            .ToDictionary(g => g.Key, g => g.First().Code);
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DirectoryEntry>> SearchAsync(string query, int limit)
    {
        var words = NameFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = query.Trim().ToUpperInvariant();
        IReadOnlyList<DirectoryEntry> found = words.Length == 0 ? [] : Entries.Values
            .Where(e => e.Code == code || Matches(e, words))
            .OrderBy(e => NameFolding.Fold(e.Name), StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<DirectoryEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<DirectoryEntry>>(Entries.Values.OrderBy(e => NameFolding.Fold(e.Name), StringComparer.Ordinal).ToList());

    public Task<DirectoryEntry?> FindAsync(string code) => Task.FromResult(Entries.GetValueOrDefault(code));

    private protected override object? OnWriting()
    {
        _entries.OnWriting();
        return base.OnWriting();
    }

    private protected override void OnCommitted(object? written)
    {
        base.OnCommitted(written);
        _entries.OnCommitted(WriteStateInBackground);
    }

    private static bool Matches(DirectoryEntry entry, string[] words)
    {
        var haystack = NameFolding.Fold(entry.Name) + " " + NameFolding.Fold(entry.Organisation);
        return words.All(w => haystack.Contains(w, StringComparison.Ordinal));
    }
}
