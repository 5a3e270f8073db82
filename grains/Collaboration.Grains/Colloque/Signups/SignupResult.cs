namespace Collaboration.Grains.Colloque;

public enum SignupResult
{
    Ok,
    /// <summary>The same email already holds a registration: it is returned (its code), nothing else is made.</summary>
    AlreadyRegistered,
    RegistrationNotOpenYet,
    RegistrationClosed,
    /// <summary>A choice names no session of the programme.</summary>
    UnknownSession,
    /// <summary>A choice names a plenary or a panel: everyone attends those.</summary>
    NotAnAtelier,
    /// <summary>Two choices overlap in time.</summary>
    TwoInOneSlot,
    /// <summary>No free place, and the waiting list is at its cap (<see cref="RegistrationSettings.WaitlistCap"/>).</summary>
    WaitlistFull,
    /// <summary>More public sign-ups this minute than the colloque takes (<see cref="SignupLimits.PublicPerMinute"/>): try again shortly.</summary>
    TooManySignups,
    /// <summary>A walk-in whose category (or the colloque) is full.</summary>
    Full,
    /// <summary>No attendee under this code (or cancelled, for a change of choices).</summary>
    NotFound,
    AlreadyCancelled,
    /// <summary>The code is used by another attendee: draw another one.</summary>
    CodeTaken,
}
