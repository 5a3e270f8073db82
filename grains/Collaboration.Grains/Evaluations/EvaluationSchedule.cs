namespace Collaboration.Grains.Evaluations;

/// <summary>
/// When the invitations go (default: two hours after the end), when the one reminder goes to those who have not
/// answered (null: none), and when the form closes (answers and changes are refused from then on).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EvaluationSchedule(
    [property: Id(0)] DateTimeOffset SendAt,
    [property: Id(1)] TimeSpan? ReminderAfter,
    [property: Id(2)] DateTimeOffset ClosesAt);
