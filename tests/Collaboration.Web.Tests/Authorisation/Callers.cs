namespace Collaboration.Web.Tests.Authorisation;

/// <summary>Who calls in the authorisation matrix. Each is a stranger to the thing the route names, except the organiser.</summary>
[Flags]
public enum Callers
{
    None = 0,
    Anonymous = 1,
    Organiser = 2,
    /// <summary>A member of another table than the one (or the meeting's) in the route.</summary>
    OtherTableMember = 4,
    /// <summary>An employer holding the manage token of another workshop registration than the route's.</summary>
    OtherEmployer = 8,
    /// <summary>A desk paired with another colloque than the route's.</summary>
    OtherDesk = 16,
    All = Anonymous | Organiser | OtherTableMember | OtherEmployer | OtherDesk,
    SignedIn = Organiser | OtherTableMember | OtherDesk,
}
