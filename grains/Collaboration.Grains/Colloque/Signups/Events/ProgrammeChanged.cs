namespace Collaboration.Grains.Colloque.Events;

/// <summary>The organiser changed the programme or the registration settings: the whole public programme again (it is small).</summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeChanged(RegistrationSettings? Settings, IReadOnlyList<ProgrammeSession> Sessions, PlaceCounts Counts);
