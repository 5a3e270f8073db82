namespace Collaboration.Grains.Colloque;

/// <summary>
/// The answer of the deciding grain. <see cref="Promoted"/>: the codes this change confirmed from the
/// colloque's waitlist (so their registrations can be told).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SignupOutcome(SignupResult Result, SignupView? Signup = null, IReadOnlyList<string>? Promoted = null)
{
    public bool Succeeded => Result is SignupResult.Ok;
}
