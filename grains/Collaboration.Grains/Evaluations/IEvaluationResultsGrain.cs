using Collaboration.Grains.Live;

namespace Collaboration.Grains.Evaluations;

/// <summary>
/// The answers of one evaluation (same key as its <see cref="IEvaluationGrain"/>), kept apart from the people:
/// fed by <see cref="RecordAnswer"/> effects, feeds the live topic <c>evaluation-results:{key}</c>.
/// </summary>
[Alias("evaluation-results")]
public interface IEvaluationResultsGrain : IGrainWithStringKey, ILiveFeedGrain
{
    /// <summary>Keeps the answer unless one of the same or a higher revision is held (idempotent).</summary>
    Task RecordAsync(string answerKey, int revision, Mrc? mrc, IReadOnlyDictionary<string, string> values, DateOnly day);

    Task<IReadOnlyList<AnswerRecord>> GetAnswersAsync();

    /// <summary>The answer stored under this key (the person's own, opened with their link), or null.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetAnswerAsync(string answerKey);

    Task<long> GetVersionAsync();
}
