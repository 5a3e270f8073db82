namespace Collaboration.Grains.Colloque;

/// <summary>What a registration tells the signups grain about its attendee.</summary>
public enum SignupChange
{
    /// <summary>Cancelled (by the attendee or the organiser): the place and seats are freed, the next in line promoted.</summary>
    Cancel,

    /// <summary>Back after a cancellation, as a newcomer.</summary>
    Reinstate,

    /// <summary>Erased: the email hash and the choices go; the place and category stay for the counts.</summary>
    Forget,
}
