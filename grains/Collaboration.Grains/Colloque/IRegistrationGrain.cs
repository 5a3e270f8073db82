
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// One attendee's registration, keyed by its registration code (the QR on the badge). The single
/// truth for "checked in": one grain per code, its calls one at a time and its writes checked
/// against its version across nodes, so two desks can never both admit the same badge.
/// </summary>
[Alias("colloque-registration")]
public interface IRegistrationGrain : IGrainWithStringKey, IMailOutboxGrain
{
    /// <summary>Creates the registration; false when the code is taken.</summary>
    Task<bool> RegisterAsync(Guid colloqueId, AttendeeDetails details);

    /// <summary>Creates a self-registration, awaiting its place, with its confirmation email held; false when the code is taken.</summary>
    Task<bool> RegisterSelfAsync(Guid colloqueId, SelfRegistration registration);

    /// <summary>
    /// The signups grain tells the place (after committing it): the held confirmation is completed
    /// and released (confirmed, or waitlisted at position N), or a promotion email is recorded — in
    /// this grain's write, which also ends <c>AwaitingPlace</c>. Idempotent: a repeated or late
    /// notice changes nothing. False when the registration does not exist (yet).
    /// </summary>
    Task<bool> TellPlaceAsync(Guid colloqueId, PlaceNotice notice);

    /// <summary>The outbox as the colloque's ledger keeps it.</summary>
    Task<ColloqueMailReport> GetMailReportAsync();

    /// <summary>The registration, if <paramref name="tokenHash"/> is its manage token's hash (and it was not erased).</summary>
    Task<RegistrationView?> OpenAsync(string tokenHash);

    /// <summary>The attendee changes their needs (with their token); false when the token does not match.</summary>
    Task<bool> UpdateNeedsAsync(string tokenHash, AttendeeNeeds? needs);

    /// <summary>The place was seen confirmed: check-ins no longer ask the signups grain.</summary>
    Task ConfirmPlaceAsync();

    /// <summary>A self-registration the signups grain refused or found a duplicate of: forgotten, as if never made.</summary>
    Task AbandonAsync();

    /// <summary>Replaces the personal fields (re-import); false when unknown, erased or of another colloque.</summary>
    Task<bool> UpdateAsync(Guid colloqueId, AttendeeDetails details);

    Task<CheckInAnswer> CheckInAsync(CheckInRequest request);

    Task<UndoAnswer> UndoCheckInAsync(UndoRequest request);

    Task<bool> SetCancelledAsync(Guid colloqueId, bool cancelled, string by);

    Task<bool> MarkBadgePrintedAsync(Guid colloqueId);

    /// <summary>Erases the personal fields (name, organisation, email, operator names); category and check-in stay for the counts.</summary>
    Task<bool> EraseAsync(Guid colloqueId, string by);

    Task<RegistrationView?> GetAsync();
}
