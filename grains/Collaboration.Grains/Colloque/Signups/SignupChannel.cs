namespace Collaboration.Grains.Colloque;

/// <summary>How an attendee comes in, which decides the rules applied.</summary>
public enum SignupChannel
{
    /// <summary>The public form: only while registration is open; a full category puts them on the waitlist.</summary>
    Public,
    /// <summary>The organiser's list (typed in or imported): confirmed whatever the quotas.</summary>
    Organiser,
    /// <summary>A walk-in at a desk: confirmed if a place is free, else refused.</summary>
    WalkIn,
    /// <summary>A walk-in the organiser admits although the category is full.</summary>
    WalkInOverride,
}
