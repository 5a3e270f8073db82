using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class DirectoryState
{
    /// <summary>Before <see cref="Recent"/>: every entry, rewritten at each write. Moved into the ledger on activation, then empty.</summary>
    [Id(0)] public Dictionary<string, DirectoryEntry> Entries { get; set; } = [];

    /// <summary>The entries changed since their chunk was written (<see cref="Ledger{TEntry}"/>).</summary>
    [Id(1)] public LedgerHead<DirectoryEntry> Recent { get; set; } = new();
}
