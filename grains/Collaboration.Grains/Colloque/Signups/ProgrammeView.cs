namespace Collaboration.Grains.Colloque;

/// <summary>
/// The public side of the colloque's registration: settings, programme, counts. No personal data. <see cref="ProgrammeRevision"/>
/// changes with the programme and settings only (the calendar's SEQUENCE); <see cref="Version"/> with every change, signups included.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeView(
    RegistrationSettings? Settings,
    IReadOnlyList<ProgrammeSession> Sessions,
    PlaceCounts Counts,
    long Version,
    long ProgrammeRevision = 0);
