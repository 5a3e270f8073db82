namespace Collaboration.Grains.Colloque;

/// <summary>The public side of the colloque's registration: settings, programme, counts. No personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeView(
    RegistrationSettings? Settings,
    IReadOnlyList<ProgrammeSession> Sessions,
    PlaceCounts Counts,
    long Version);
