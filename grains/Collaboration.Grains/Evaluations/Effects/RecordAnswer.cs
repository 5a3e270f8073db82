using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Evaluations;

/// <summary>
/// An answer, owed to the results grain: recorded with the invitation's "answered" in one write, delivered after it,
/// kept there by revision (idempotent). It carries no invitation id, name or email.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("effect.record-answer")]
public sealed record RecordAnswer(
    [property: Id(0)] string Evaluation,
    [property: Id(1)] string AnswerKey,
    [property: Id(2)] int Revision,
    [property: Id(3)] Mrc? Mrc,
    [property: Id(4)] IReadOnlyDictionary<string, string> Values,
    [property: Id(5)] DateOnly Day) : IEffect
{
    public string? Key => $"answer:{AnswerKey}";

    public async Task<EffectResult> DeliverAsync(EffectContext context)
    {
        await context.Grains.GetGrain<IEvaluationResultsGrain>(Evaluation).RecordAsync(AnswerKey, Revision, Mrc, Values, Day);
        return EffectResult.Delivered;
    }
}
