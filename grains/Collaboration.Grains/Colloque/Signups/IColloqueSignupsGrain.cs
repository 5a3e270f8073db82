using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// The one grain (per colloque, same key) that decides places: the registration settings, the
/// programme with its ateliers' capacities, every attendee's place and breakout choices. A place
/// or a seat is never oversold across nodes because every decision about them is a call on this
/// single activation. The room screens have their own grain, shown each programme change
/// (<see cref="ShowProgramme"/>). Personal data stays in each
/// <see cref="IRegistrationGrain"/> (the one the desk checks in); this grain holds codes,
/// categories and a hash of the email only, and its live topic carries counts only. It tells each
/// registration its place through the after-commit path (<see cref="TellPlace"/>); registrations tell
/// it their cancellations and erasures the same way (<see cref="ApplyRegistrationChangeAsync"/>).
/// </summary>
[Alias("colloque-signups")]
public interface IColloqueSignupsGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    /// <summary>Organiser: window and capacities. A larger capacity promotes the waitlist at once.</summary>
    Task<SignupOutcome> SetSettingsAsync(RegistrationSettings settings);

    Task<ProgrammeView> GetProgrammeAsync();

    /// <summary>Organiser: adds or replaces a session (by id). A larger capacity promotes that atelier's waitlist.</summary>
    Task<ProgrammeResult> SaveSessionAsync(ProgrammeSession session);

    /// <summary>Organiser: removes a session; its choices go with it, and a room screen showing it follows the timetable again.</summary>
    Task<ProgrammeResult> RemoveSessionAsync(Guid sessionId);

    /// <summary>A place, decided by <see cref="SignupRequest.Channel"/>'s rules; the same match key again returns the existing attendee.</summary>
    Task<SignupOutcome> SignUpAsync(SignupRequest request);

    /// <summary>
    /// "Find my registration": when <paramref name="matchKey"/> is registered here, its registration mails its manage link to
    /// its address (after this grain's commit). Answers at once, the same way for any key: the write only a known one causes is not awaited.
    /// </summary>
    Task RequestManageLinkAsync(string matchKey, ManageLinkOffer offer);

    /// <summary>
    /// The organiser's list (typed in or imported): each person found again by match key (their category updated) or
    /// given a new code and a confirmed place, in one write; their registrations are told after it (<see cref="RecordAttendee"/>).
    /// </summary>
    Task<IReadOnlyList<ImportOutcome>> ImportAsync(IReadOnlyList<ImportedAttendee> attendees);

    Task<SignupView?> GetSignupAsync(string code);

    /// <summary>Replaces the attendee's breakout choices (kept ones keep their seat or waitlist place).</summary>
    Task<SignupOutcome> ChangeChoicesAsync(string code, IReadOnlyList<Guid> choices);

    /// <summary>
    /// Organiser at the door: a waitlisted attendee gets a place although their category is full
    /// (the walk-in override's rule); their pending choices take seats, their registration is told.
    /// </summary>
    Task<SignupOutcome> AdmitWaitlistedAsync(string code);

    /// <summary>
    /// A registration's cancellation (frees the place and seats, promotes the next in line), reinstatement (back as a
    /// newcomer) or erasure (the email hash and choices go). Idempotent: a revision at or below the one applied changes nothing.
    /// </summary>
    Task ApplyRegistrationChangeAsync(string code, SignupChange change, long revision);

    /// <summary>A place given to a registration that was never written (its node died first): given back.</summary>
    Task ReleaseOrphanAsync(string code);

    /// <summary>Organiser: a session's seat holders and waitlist, in order.</summary>
    Task<IReadOnlyList<SessionAttendee>> GetSessionListAsync(Guid sessionId);

    /// <summary>Organiser: confirmed seats per session and category.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<AttendeeCategory, int>>> GetSessionCategoryCountsAsync();
}
