namespace Collaboration.Grains.Evaluations;

/// <summary>The kinds of question a form may ask.</summary>
public enum QuestionKind
{
    /// <summary>1 (not at all) to 5 (entirely).</summary>
    Rating,
    YesNo,
    /// <summary>One of the question's <see cref="EvaluationQuestion.Choices"/>.</summary>
    SingleChoice,
    /// <summary>Free text, shown to the organiser without a name.</summary>
    Text,
}
