using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Audit;

[GenerateSerializer]
public sealed class AuditLogState
{
    /// <summary>The entries not yet sealed in a chunk of their own (see <see cref="Ledger{TEntry}"/>).</summary>
    [Id(0)] public LedgerHead<AuditEntry> Recent { get; set; } = new();
}
