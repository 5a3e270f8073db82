using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

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
