namespace Collaboration.Grains.Platform;

/// <summary>One stored row of a <see cref="Ledger{TEntry}"/>: up to <see cref="Ledger{TEntry}.ChunkSize"/> entries, as of a committed write.</summary>
[GenerateSerializer]
public sealed class LedgerChunk<TEntry> where TEntry : class
{
    [Id(0)] public List<TEntry> Entries { get; set; } = [];
}
