using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

/// <summary>
/// One employer workshop session and all its registrations. Seats are never oversold because
/// every decision about them (register, cancel, change seats, capacity, status) is a call on this
/// one grain, and the host runs them one at a time and commits them with a version check.
/// Waitlist rule: see <see cref="WorkshopSessionGrain"/> (strict arrival order).
/// </summary>
[Alias("workshop")]
public interface IWorkshopSessionGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    Task<WorkshopCreation> CreateAsync(WorkshopDetails details, int capacity);

    /// <summary>Details and counts; null when the session was never created.</summary>
    Task<WorkshopView?> GetAsync();

    Task<RegistrationOutcome> RegisterAsync(RegistrationRequest request);

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

    /// <summary>Organiser: notifications waiting to be sent (promotions), oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetOutboxAsync();

    /// <summary>The mailer reports entries up to <paramref name="upToId"/> sent. Idempotent.</summary>
    Task MarkOutboxSentAsync(long upToId);
}

public enum WorkshopStatus { Open, Closed, Cancelled, Done }

public enum RegistrationStatus { Confirmed, Waitlisted, Cancelled }

public enum WorkshopCreation { Created, AlreadyExists }

public enum RegistrationResult
{
    /// <summary>Done (registered, found, cancelled, changed, marked).</summary>
    Ok,
    /// <summary>The same email already holds a registration for this session: it is returned, no token.</summary>
    AlreadyRegistered,
    SessionNotFound,
    RegistrationNotOpenYet,
    RegistrationClosed,
    SessionCancelled,
    SessionOver,
    /// <summary>Unknown code or wrong token: the caller cannot tell which.</summary>
    NotFound,
    /// <summary>More seats than are free, or people are waiting first (nobody jumps the queue).</summary>
    NotEnoughSeats,
    AlreadyCancelled,
    NotConfirmed,
    /// <summary>The generated code is already used in this session: draw another one.</summary>
    CodeTaken,
}

public enum WorkshopUpdateResult { Ok, SessionNotFound, InvalidCapacity }

/// <summary>What the session shows to everyone. Never any registrant's personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopDetails(
    string TitleFr,
    string TitleEn,
    string DescriptionFr,
    string DescriptionEn,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset RegistrationClosesAt);

/// <summary>Seat counts: what the public topic carries.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopCounts(
    int Capacity,
    int ConfirmedSeats,
    int SeatsLeft,
    int Confirmed,
    int Waitlisted,
    int WaitlistedSeats,
    WorkshopStatus Status);

[GenerateSerializer, Immutable]
public sealed record WorkshopView(Guid Id, WorkshopDetails Details, WorkshopCounts Counts, long Version);

[GenerateSerializer, Immutable]
public sealed record RegistrationRequest(
    string Code,
    string TokenHash,
    string Organisation,
    string ContactName,
    string Email,
    string? Phone,
    int Seats,
    string Sector,
    bool Consent);

/// <summary>One registration as the organiser (and, for their own, the employer) sees it.</summary>
[GenerateSerializer, Immutable]
public sealed record RegistrantView(
    string Code,
    long Sequence,
    string Organisation,
    string ContactName,
    string Email,
    string? Phone,
    int Seats,
    string Sector,
    RegistrationStatus Status,
    int? Position,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ConfirmedAt,
    bool? Attended);

[GenerateSerializer, Immutable]
public sealed record RegistrationOutcome(RegistrationResult Result, RegistrantView? Registration = null, WorkshopCounts? Counts = null)
{
    public bool Succeeded => Result is RegistrationResult.Ok or RegistrationResult.AlreadyRegistered;
}

[GenerateSerializer, Immutable]
public sealed record WorkshopUpdate(WorkshopUpdateResult Result, WorkshopCounts? Counts = null, IReadOnlyList<string>? Promoted = null);

/// <summary>A notification to send (e.g. "you have a seat now"), recorded in the same write as its cause.</summary>
[GenerateSerializer, Immutable]
public sealed record OutboxMessage(long Id, string Kind, string RegistrationCode, string Email, string ContactName, DateTimeOffset CreatedAt, bool Sent);
