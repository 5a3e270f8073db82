namespace Collaboration.Grains.Platform;

/// <summary>
/// What a <see cref="Ledger{TEntry}"/> seals after a write commits: copies of the chunks its recent entries belong to, as
/// that write committed them, and when each recent entry last changed (one changed again meanwhile stays recent).
/// </summary>
internal sealed record LedgerSealing<TEntry>(IReadOnlyList<(int Chunk, List<TEntry> Entries)> Chunks, IReadOnlyDictionary<string, long> Stamps)
    where TEntry : class;
