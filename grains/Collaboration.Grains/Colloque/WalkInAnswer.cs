namespace Collaboration.Grains.Colloque;

/// <summary>A walk-in: refused (<see cref="Result"/> other than Ok, no check-in), or checked in (a new registration, or the person's own found again).</summary>
[GenerateSerializer, Immutable]
public sealed record WalkInAnswer(SignupResult Result, CheckInAnswer? CheckIn = null);
