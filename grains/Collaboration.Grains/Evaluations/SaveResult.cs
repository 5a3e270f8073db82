namespace Collaboration.Grains.Evaluations;

public enum SaveResult
{
    Ok,
    /// <summary>The event does not exist (or was cancelled).</summary>
    UnknownEvent,
    /// <summary>The questions cannot change once invitations went (answers would no longer match); the schedule still can.</summary>
    QuestionsLocked,
    /// <summary>Ids repeated, a choice question without two choices, texts missing or too long, dates out of order.</summary>
    Invalid,
}
