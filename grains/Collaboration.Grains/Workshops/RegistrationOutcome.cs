using Collaboration.Grains.Live;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer, Immutable]
public sealed record RegistrationOutcome(RegistrationResult Result, RegistrantView? Registration = null, WorkshopCounts? Counts = null)
{
    public bool Succeeded => Result is RegistrationResult.Ok or RegistrationResult.AlreadyRegistered;
}
