using Collaboration.Grains.Partners;

namespace Collaboration.Grains.Participation;

/// <summary>
/// Someone marked present (workshop attendance, colloque check-in), as the evaluation and the attestation need
/// them. <see cref="Reference"/> is their registration code in the subject; <see cref="Mrc"/> the MRC they count
/// for in the activity report (the one they gave, else their organisation's), null when unknown.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Participant(
    [property: Id(0)] string Reference,
    [property: Id(1)] string Name,
    [property: Id(2)] string Organisation,
    [property: Id(3)] string Email,
    [property: Id(4)] string? Language,
    [property: Id(5)] Mrc? Mrc);
