namespace Collaboration.Grains.Audit;

/// <summary>
/// One line of the audit log: who (<see cref="Actor"/>, an organiser's email; null when nobody was signed in, as for a
/// reset request or a back-off) did what to which account or organisation (<see cref="Subject"/>). Built from named
/// fields only, never from a request's body: a password, a token or a code cannot reach it. <see cref="Id"/> is chosen
/// when the change is recorded, so the same entry delivered twice is kept once.
/// </summary>
[GenerateSerializer, Immutable, Alias("audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] AuditAction Action,
    [property: Id(3)] string? Actor,
    [property: Id(4)] string Subject,
    [property: Id(5)] string? Detail = null)
{
    public static AuditEntry New(DateTimeOffset at, AuditAction action, string? actor, string subject, string? detail = null) =>
        new(Guid.NewGuid().ToString("N"), at, action, string.IsNullOrEmpty(actor) ? null : actor, subject, detail);
}
