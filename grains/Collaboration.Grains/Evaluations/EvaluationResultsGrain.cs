using Collaboration.Grains.Live;
using Collaboration.Grains.Evaluations.Events;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Evaluations;

/// <summary>The answers, apart from the invitations (see <see cref="IEvaluationResultsGrain"/>).</summary>
[GrainType("evaluation-results")]
public sealed class EvaluationResultsGrain(
    [PersistentState("evaluation-results", StorageNames.Grains)] IPersistentState<EvaluationResultsState> state, TimeProvider clock)
    : LiveGrain<EvaluationResultsState>(state, clock), IEvaluationResultsGrain
{
    public async Task RecordAsync(string answerKey, int revision, Mrc? mrc, IReadOnlyDictionary<string, string> values, DateOnly day)
    {
        if (State.Answers.TryGetValue(answerKey, out var held) && held.Revision >= revision) return;
        State.Answers[answerKey] = new StoredAnswer { Revision = revision, Mrc = mrc, Values = new(values), Day = day };
        RaiseEvent(new AnswerRecorded(State.Answers.Count));
        await WriteStateAsync();
    }

    // Ordered by key (a hash): not by arrival, so the order of the text answers tells nothing of who wrote them.
    public Task<IReadOnlyList<AnswerRecord>> GetAnswersAsync() => Task.FromResult<IReadOnlyList<AnswerRecord>>(
        [.. State.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AnswerRecord(a.Value.Mrc, a.Value.Values, a.Value.Day))]);

    public Task<IReadOnlyDictionary<string, string>?> GetAnswerAsync(string answerKey) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(State.Answers.TryGetValue(answerKey, out var held) ? held.Values : null);

    public Task<long> GetVersionAsync() => Task.FromResult(Version);
}
