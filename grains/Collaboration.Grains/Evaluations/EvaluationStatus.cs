namespace Collaboration.Grains.Evaluations;

public enum EvaluationStatus
{
    /// <summary>No form saved yet (the default one is offered).</summary>
    NotSet,
    /// <summary>Saved; the invitations go at the scheduled time.</summary>
    Scheduled,
    /// <summary>Invitations sent; answers accepted until the form closes.</summary>
    Open,
    Closed,
}
