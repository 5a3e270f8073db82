namespace Collaboration.Grains.Colloque;

/// <summary>
/// The organiser's view of a colloque's emails, which live in many registration grains: each
/// registration reports its outbox here through the after-commit path (<see cref="ReportMail"/>), so
/// the view is one call, not a call per attendee. The ledger keeps no state of its own: a new
/// activation rebuilds it once from the registrations of the colloque's directory, and reports
/// (each kept only if newer) keep it current; a report lost with a node is delivered again.
/// </summary>
[Alias("colloque-outbox")]
public interface IColloqueOutboxGrain : IGrainWithGuidKey
{
    Task ReportAsync(ColloqueMailReport report);

    /// <summary>Every registration that has emails, by code.</summary>
    Task<IReadOnlyList<ColloqueMailReport>> ListAsync();
}
