using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// The one grain (per colloque, same key) that decides places: the registration settings, the
/// programme with its ateliers' capacities, every attendee's place and breakout choices, and the
/// room screens. A place or a seat is never oversold across nodes because every decision about
/// them is a call on this single activation. Personal data stays in each
/// <see cref="IRegistrationGrain"/> (the one the desk checks in); this grain holds codes,
/// categories and a hash of the email only (and a self-registration's directory listing, until
/// the directory has it), and its live topic carries counts only.
/// </summary>
[Alias("colloque-signups")]
public interface IColloqueSignupsGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    /// <summary>Organiser: window and capacities. A larger capacity promotes the waitlist at once.</summary>
    Task<SignupOutcome> SetSettingsAsync(RegistrationSettings settings);

    Task<ProgrammeView> GetProgrammeAsync();

    /// <summary>Organiser: adds or replaces a session (by id). A larger capacity promotes that atelier's waitlist.</summary>
    Task<ProgrammeResult> SaveSessionAsync(ProgrammeSession session);

    /// <summary>Organiser: removes a session; its choices go with it.</summary>
    Task<ProgrammeResult> RemoveSessionAsync(Guid sessionId);

    /// <summary>A place, decided by <see cref="SignupRequest.Channel"/>'s rules; the same match key again returns the existing attendee.</summary>
    Task<SignupOutcome> SignUpAsync(SignupRequest request);

    /// <summary>The organiser's list: each code confirmed (or its category updated), in one write.</summary>
    Task<int> AdmitAsync(IReadOnlyList<SignupRequest> requests);

    Task<SignupView?> GetSignupAsync(string code);

    /// <summary>Replaces the attendee's breakout choices (kept ones keep their seat or waitlist place).</summary>
    Task<SignupOutcome> ChangeChoicesAsync(string code, IReadOnlyList<Guid> choices);

    /// <summary>
    /// Organiser at the door: a waitlisted attendee gets a place although their category is full
    /// (the walk-in override's rule); their pending choices take seats, their registration is told.
    /// </summary>
    Task<SignupOutcome> AdmitWaitlistedAsync(string code);

    /// <summary>Frees the place and seats; promotes the next in line, for the colloque and for each atelier.</summary>
    Task<SignupOutcome> CancelAsync(string code);

    /// <summary>Organiser: a cancelled attendee comes back, as a newcomer (confirmed if a place is free, else waitlisted).</summary>
    Task<SignupOutcome> ReinstateAsync(string code);

    /// <summary>Erasure: the email hash and the breakout choices go (seats freed); the place and category stay for the counts.</summary>
    Task<bool> ForgetAsync(string code);

    /// <summary>Organiser: a session's seat holders and waitlist, in order.</summary>
    Task<IReadOnlyList<SessionAttendee>> GetSessionListAsync(Guid sessionId);

    /// <summary>Organiser: confirmed seats per session and category.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<AttendeeCategory, int>>> GetSessionCategoryCountsAsync();

    /// <summary>Sets what a room shows as now (<see cref="Guid.Empty"/>: nothing), or null to follow the timetable again.</summary>
    Task<ProgrammeResult> SetRoomNowAsync(string room, Guid? sessionId);

    /// <summary>Moves a room to its next session (after the one shown now); returns it, or null when none is left.</summary>
    Task<ProgrammeSession?> AdvanceRoomAsync(string room);

    /// <summary>Shows a message on every screen; null or empty clears it.</summary>
    Task SetAnnouncementAsync(string? text);
}
