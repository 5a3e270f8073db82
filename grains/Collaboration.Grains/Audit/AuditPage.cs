namespace Collaboration.Grains.Audit;

/// <summary>A page of the audit log, newest first, and how many entries it holds in all.</summary>
[GenerateSerializer, Immutable, Alias("audit-page")]
public sealed record AuditPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<AuditEntry> Entries);
