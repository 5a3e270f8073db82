namespace Collaboration.Grains.Evaluations;

/// <summary>One invited person as the organiser sees them: whether they answered, never what.</summary>
[GenerateSerializer, Immutable]
public sealed record RespondentView(
    [property: Id(0)] long Id, [property: Id(1)] string Name, [property: Id(2)] string Organisation, [property: Id(3)] string Email,
    [property: Id(4)] DateTimeOffset InvitedAt, [property: Id(5)] DateTimeOffset? RemindedAt, [property: Id(6)] bool Answered,
    [property: Id(7)] Mrc? Mrc = null);
