namespace Collaboration.Grains.Retention;

/// <summary>The kinds of personal data with a retention period, and erasure on request.</summary>
public enum RetentionKind
{
    /// <summary>Workshop registrations: contact name, email, phone (months after the session).</summary>
    WorkshopRegistrations,
    /// <summary>Colloque registrations: name, organisation, email, needs (months after the colloque).</summary>
    ColloqueRegistrations,
    /// <summary>Evaluation invitations: name, email and personal link (months after the form closed). Answers are anonymous already.</summary>
    EvaluationLinks,
    /// <summary>One person erased on request.</summary>
    PersonErasure,
}
