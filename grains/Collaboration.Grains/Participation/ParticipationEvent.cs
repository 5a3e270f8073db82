namespace Collaboration.Grains.Participation;

/// <summary>The event as an evaluation and an attestation name it: titles, when, where. No personal data.</summary>
[GenerateSerializer, Immutable]
public sealed record ParticipationEvent(
    [property: Id(0)] string TitleFr,
    [property: Id(1)] string TitleEn,
    [property: Id(2)] DateTimeOffset StartsAt,
    [property: Id(3)] DateTimeOffset EndsAt,
    [property: Id(4)] string? Place,
    [property: Id(5)] bool Cancelled = false)
{
    /// <summary>Hours of participation, to the half hour (an attestation's "duration").</summary>
    public double Hours => Math.Round((EndsAt - StartsAt).TotalHours * 2, MidpointRounding.AwayFromZero) / 2;
}
