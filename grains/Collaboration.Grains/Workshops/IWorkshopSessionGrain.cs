using Collaboration.Grains.Live;
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Workshops;

/// <summary>
/// One employer workshop session and all its registrations. Seats are never oversold because
/// every decision about them (register, cancel, change seats, capacity, status) is a call on this
/// one grain, and the host runs them one at a time and commits them with a version check.
/// Waitlist rule: see <see cref="WorkshopSessionGrain"/> (strict arrival order).
/// </summary>
[Alias("workshop")]
public interface IWorkshopSessionGrain : IGrainWithGuidKey, ILiveFeedGrain, IMailOutboxGrain
{
    Task<WorkshopCreation> CreateAsync(WorkshopDetails details, int capacity);

    /// <summary>Details and counts; null when the session was never created.</summary>
    Task<WorkshopView?> GetAsync();

    /// <summary>
    /// Registers, or, when the address already holds a registration here, sends that registration's
    /// manage link to the address and answers <see cref="RegistrationResult.AlreadyRegistered"/> without it.
    /// </summary>
    Task<RegistrationOutcome> RegisterAsync(RegistrationRequest request);

    /// <summary>
    /// "Find my registration": when <paramref name="email"/> holds a registration here, its manage link
    /// is mailed to it. Answers at once, the same way for any address; the message is written after.
    /// </summary>
    Task RequestManageLinkAsync(string email, string? language);

    /// <summary>The registration whose code is <paramref name="code"/>, if <paramref name="tokenHash"/> matches.</summary>
    Task<RegistrationOutcome> GetRegistrationAsync(string code, string tokenHash);

    Task<RegistrationOutcome> CancelRegistrationAsync(string code, string tokenHash);

    Task<RegistrationOutcome> ChangeSeatsAsync(string code, string tokenHash, int seats);

    /// <summary>Organiser: new capacity and/or status; a larger capacity or a reopening promotes the waitlist.</summary>
    Task<WorkshopUpdate> UpdateAsync(int? capacity, WorkshopStatus? status);

    /// <summary>Organiser: marks a confirmed registrant present or absent on the day.</summary>
    Task<RegistrationOutcome> MarkAttendanceAsync(string code, bool attended);

    /// <summary>Organiser: everyone who registered, in arrival order, with waitlist positions.</summary>
    Task<IReadOnlyList<RegistrantView>> GetRegistrantsAsync();

    /// <summary>
    /// Law 25: blanks the contact's name, email and phone (and drops their unsent messages) of one registration, or of
    /// every one when <paramref name="code"/> is null; status, seats, attendance and organisation stay for the counts.
    /// Idempotent; answers how many were anonymised now.
    /// </summary>
    Task<int> AnonymiseAsync(string? code);

    /// <summary>The one-click unsubscribe from reminders (the link is signed by the web layer); false when unknown.</summary>
    Task<bool> StopRemindersAsync(string code);
}
