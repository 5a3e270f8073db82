namespace Collaboration.Grains.Colloque;

/// <summary>
/// The answer of the deciding grain. <see cref="Promoted"/>: the codes this change confirmed from the
/// colloque's waitlist. <see cref="Notice"/>: the place as the attendee's email tells it (a new attendee's).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SignupOutcome(SignupResult Result, SignupView? Signup = null, IReadOnlyList<string>? Promoted = null, PlaceNotice? Notice = null)
{
    public bool Succeeded => Result is SignupResult.Ok;
}
