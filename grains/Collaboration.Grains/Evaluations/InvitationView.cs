using Collaboration.Grains.Participation;

namespace Collaboration.Grains.Evaluations;

/// <summary>What the personal link opens: the event, the form, whether it is still open, whether this link answered already.</summary>
[GenerateSerializer, Immutable]
public sealed record InvitationView(
    [property: Id(0)] string Subject,
    [property: Id(1)] ParticipationEvent Event,
    [property: Id(2)] IReadOnlyList<EvaluationQuestion> Questions,
    [property: Id(3)] DateTimeOffset ClosesAt,
    [property: Id(4)] bool Open,
    [property: Id(5)] bool Answered,
    [property: Id(6)] string? Language,
    [property: Id(7)] string Reference);
