
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// One attendee's registration, keyed by its registration code (the QR on the badge). The single
/// truth for "checked in": one grain per code, its calls one at a time and its writes checked
/// against its version across nodes, so two desks can never both admit the same badge. It owns
/// check-in, undo, cancellation, erasure and walk-in, records the place the signups grain gave it,
/// and tells the others — the colloque's figures, the signups grain, the directory, the mail ledger —
/// through the after-commit path, in one order whoever acts.
/// </summary>
[Alias("colloque-registration")]
public interface IRegistrationGrain : IGrainWithStringKey, IMailOutboxGrain
{
    /// <summary>
    /// The public form: asks the signups grain for a place, then — only if one was given (confirmed or waitlisted) —
    /// records the registration, its confirmation email and its directory listing in one write. CodeTaken when the
    /// code is used; any other refusal writes nothing.
    /// </summary>
    Task<SignupOutcome> RegisterSelfAsync(Guid colloqueId, SelfRegistration registration);

    /// <summary>The organiser's list (told by the signups grain, which gave the code and the place): creates, or replaces the personal fields.</summary>
    Task RecordAttendeeAsync(Guid colloqueId, AttendeeDetails details, string matchKey);

    /// <summary>
    /// A walk-in at a desk, under a new code: the signups grain decides the place; the registration is made and checked in
    /// in one write. Someone already registered (same match key) is checked in under their own code instead.
    /// </summary>
    Task<WalkInAnswer> WalkInAsync(Guid colloqueId, AttendeeDetails details, string matchKey, bool overrideQuota, CheckInRequest request);

    /// <summary>
    /// The signups grain's notice of this attendee's place: recorded — with, for a self-registration, the email of a
    /// promotion — in this grain's write. Idempotent by <see cref="PlaceNotice.Sequence"/>. False when the registration
    /// does not exist.
    /// </summary>
    Task<bool> TellPlaceAsync(Guid colloqueId, PlaceNotice notice);

    /// <summary>The outbox as the colloque's ledger keeps it.</summary>
    Task<ColloqueMailReport> GetMailReportAsync();

    /// <summary>
    /// Mails this registration's manage link to its own address, in <paramref name="offer"/>'s language (at most once per
    /// <see cref="RegistrationGrain.ManageLinkInterval"/>); a registration without a link takes the offered one.
    /// Cancelled, erased or address-less registrations send nothing.
    /// </summary>
    Task SendManageLinkAsync(Guid colloqueId, ManageLinkOffer offer);

    /// <summary>The registration, if <paramref name="tokenHash"/> is its manage token's hash (and it was not erased).</summary>
    Task<RegistrationView?> OpenAsync(string tokenHash);

    /// <summary>The attendee changes their needs (with their token); false when the token does not match.</summary>
    Task<bool> UpdateNeedsAsync(string tokenHash, AttendeeNeeds? needs);

    /// <summary>A scan; <paramref name="admitWaitlisted"/> (organiser only): a waitlisted attendee is given a place at the door.</summary>
    Task<CheckInAnswer> CheckInAsync(CheckInRequest request, bool admitWaitlisted = false);

    Task<UndoAnswer> UndoCheckInAsync(UndoRequest request);

    /// <summary>Cancels or reinstates; the signups grain (place, promotion) and the directory hear of it after the commit.</summary>
    Task<bool> SetCancelledAsync(Guid colloqueId, bool cancelled, string by);

    Task<bool> MarkBadgePrintedAsync(Guid colloqueId);

    /// <summary>Erases the personal fields (name, organisation, email, operator names); category and check-in stay for the counts.</summary>
    Task<bool> EraseAsync(Guid colloqueId, string by);

    Task<RegistrationView?> GetAsync();
}
