using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>Everything held on one attendee (Law 25 export): the registration, its needs, and its place and breakout choices.</summary>
public sealed record AttendeeExport(RegistrationView Registration, SignupView? Place);
