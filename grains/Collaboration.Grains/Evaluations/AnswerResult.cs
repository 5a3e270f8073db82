namespace Collaboration.Grains.Evaluations;

public enum AnswerResult
{
    Ok,
    /// <summary>Unknown link (or forgotten): the same answer whatever the reason.</summary>
    NotFound,
    Closed,
    /// <summary>A value does not fit its question (<see cref="AnswerOutcome.Wrong"/> names them).</summary>
    Invalid,
}
