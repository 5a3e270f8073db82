using Collaboration.Grains.Participation;

namespace Collaboration.Grains.Evaluations;

/// <summary>The organiser's view of an evaluation: the form, its schedule, who was invited and answered (not what).</summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationView(
    [property: Id(0)] string Subject,
    [property: Id(1)] ParticipationEvent? Event,
    [property: Id(2)] EvaluationStatus Status,
    [property: Id(3)] IReadOnlyList<EvaluationQuestion> Questions,
    [property: Id(4)] EvaluationSchedule? Schedule,
    [property: Id(5)] bool IsDefaultForm,
    [property: Id(6)] int Invited,
    [property: Id(7)] int Answered,
    [property: Id(8)] int Reminded,
    [property: Id(9)] IReadOnlyList<RespondentView> Respondents,
    [property: Id(10)] DateTimeOffset? InvitationsSentAt,
    [property: Id(11)] DateTimeOffset? RemindersSentAt);
