using Collaboration.Grains.Live;

namespace Collaboration.Grains.Evaluations;

[GenerateSerializer]
public sealed class EvaluationResultsState : ILiveState
{
    [Id(0)] public LiveLog Live { get; set; } = new();

    /// <summary>By answer key (a one-way hash of the link's token, see <see cref="Platform.SecretHash.AnswerKey"/>).</summary>
    [Id(1)] public Dictionary<string, StoredAnswer> Answers { get; set; } = [];
}
