namespace Collaboration.Grains.Colloque;

/// <summary>
/// The organiser's view of a colloque's emails, which live in many registration grains: each
/// registration reports its outbox here after a commit that changed it, so the view is one call,
/// not a call per attendee. The ledger keeps no state of its own: a new activation rebuilds it
/// once from the registrations of the colloque's directory, and reports keep it current.
/// </summary>
[Alias("colloque-outbox")]
public interface IColloqueOutboxGrain : IGrainWithGuidKey
{
    [OneWay]
    Task ReportAsync(ColloqueMailReport report);

    /// <summary>Every registration that has emails, by code.</summary>
    Task<IReadOnlyList<ColloqueMailReport>> ListAsync();
}
