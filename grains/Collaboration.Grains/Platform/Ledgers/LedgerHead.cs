namespace Collaboration.Grains.Platform;

/// <summary>
/// The part of a <see cref="Ledger{TEntry}"/> that lives in its grain's own state, so that it commits with the grain's
/// change: how many chunks are sealed, and every entry whose latest version is not in its chunk yet (new or changed
/// since). Loading reads the sealed chunks and lays these over them.
/// </summary>
[GenerateSerializer]
public sealed class LedgerHead<TEntry> where TEntry : class
{
    [Id(0)] public int SealedChunks { get; set; }
    [Id(1)] public Dictionary<string, TEntry> Recent { get; set; } = new(StringComparer.Ordinal);
}
