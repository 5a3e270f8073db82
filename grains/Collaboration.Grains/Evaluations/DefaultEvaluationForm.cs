namespace Collaboration.Grains.Evaluations;

/// <summary>
/// The form offered when the organiser has not built one: satisfaction, usefulness for hiring and for welcoming
/// immigrant workers, intention to act, and comments. <see cref="SatisfactionId"/> is what the activity report averages.
/// </summary>
public static class DefaultEvaluationForm
{
    public const string SatisfactionId = "satisfaction";

    public static readonly TimeSpan SendAfterEnd = TimeSpan.FromHours(2);
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(14);

    public static IReadOnlyList<EvaluationQuestion> Questions { get; } =
    [
        new(SatisfactionId, QuestionKind.Rating, "Dans l'ensemble, êtes-vous satisfait·e de l'activité ?",
            "Overall, how satisfied are you with the event?", [], Required: true),
        new("usefulness-hiring", QuestionKind.Rating, "L'activité vous sera-t-elle utile pour recruter des travailleuses et travailleurs immigrants ?",
            "How useful will the event be for hiring immigrant workers?", []),
        new("usefulness-welcome", QuestionKind.Rating, "L'activité vous sera-t-elle utile pour accueillir et intégrer ces personnes dans votre milieu ?",
            "How useful will the event be for welcoming and integrating them in your workplace?", []),
        new("intention", QuestionKind.SingleChoice, "Comptez-vous passer à l'action dans les six prochains mois ?",
            "Do you intend to act on it in the next six months?",
            [new("Oui, c'est déjà prévu", "Yes, it is already planned"), new("Probablement", "Probably"), new("Pas pour le moment", "Not for now")]),
        new("recommend", QuestionKind.YesNo, "Recommanderiez-vous l'activité à une autre organisation ?",
            "Would you recommend the event to another organisation?", []),
        new("comments", QuestionKind.Text, "Commentaires et suggestions", "Comments and suggestions", []),
    ];

    public static EvaluationSchedule ScheduleFor(DateTimeOffset endsAt) =>
        new(endsAt + SendAfterEnd, ReminderAfter, endsAt + SendAfterEnd + OpenFor);
}
