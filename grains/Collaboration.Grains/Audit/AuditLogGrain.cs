using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Audit;

/// <summary>
/// The entries are a <see cref="Ledger{TEntry}"/>: a write carries the new entries, not the whole log, which only grows.
/// <c>[Reentrant]</c> with group commit: entries arriving together (a merge and its edits) share a write.
/// </summary>
[Reentrant]
[GrainType("audit-log")]
public sealed class AuditLogGrain(
    [PersistentState("audit-log", StorageNames.Grains)] IPersistentState<AuditLogState> state, TimeProvider clock)
    : DurableGrain<AuditLogState>(state, clock), IAuditLogGrain
{
    public const string Key = "organisers";

    public const int MaxPage = 200;

    private Ledger<AuditEntry> _entries = null!;

    /// <summary>Newest first; rebuilt after an entry arrives.</summary>
    private List<AuditEntry>? _newestFirst;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _entries = new Ledger<AuditEntry>("audit-log", this.GetGrainId(), ServiceProvider, () => State.Recent, e => e.Id);
        await _entries.LoadAsync();
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task RecordAsync(AuditEntry entry)
    {
        if (_entries.Entries.ContainsKey(entry.Id)) return;
        _entries.Put(entry);
        _newestFirst = null;
        await WriteStateAsync();
    }

    public Task<AuditPage> GetPageAsync(int skip, int take)
    {
        _newestFirst ??= [.. _entries.Entries.Values.OrderByDescending(e => e.At).ThenByDescending(e => e.Id, StringComparer.Ordinal)];
        var page = _newestFirst.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, MaxPage)).ToList();
        return Task.FromResult(new AuditPage(_newestFirst.Count, page));
    }

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
}
