
namespace Collaboration.Grains.Colloque;

/// <summary>
/// One attendee's registration, keyed by its registration code (the QR on the badge). The single
/// truth for "checked in": one grain per code, its calls one at a time and its writes checked
/// against its version across nodes, so two desks can never both admit the same badge.
/// </summary>
[Alias("colloque-registration")]
public interface IRegistrationGrain : IGrainWithStringKey
{
    /// <summary>Creates the registration; false when the code is taken.</summary>
    Task<bool> RegisterAsync(Guid colloqueId, AttendeeDetails details);

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
