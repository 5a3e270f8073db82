using Collaboration.Grains.Mail;

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

    /// <summary>
    /// The newest <paramref name="limit"/> emails, each with its registration's code, newest first: a colloque of thousands
    /// of sign-ups has thousands of emails, and the organiser's view pages through them.
    /// </summary>
    Task<IReadOnlyList<(string Code, OutboxMailView Mail)>> ListNewestAsync(int limit);
}
