namespace Collaboration.Grains.Audit;

/// <summary>
/// The organisers' audit log (key <see cref="AuditLogGrain.Key"/>): what was done to organiser accounts and partner
/// organisations, and by whom. Entries arrive as after-commit effects of the grain that made the change
/// (<see cref="Effects.RecordAudit"/>), so an entry exists once its change committed.
/// </summary>
[Alias("audit-log")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    /// <summary>Keeps the entry (a second delivery of the same <see cref="AuditEntry.Id"/> changes nothing); answers once it is stored.</summary>
    Task RecordAsync(AuditEntry entry);

    /// <summary>Newest first; <paramref name="take"/> is capped at 200.</summary>
    Task<AuditPage> GetPageAsync(int skip, int take);
}
