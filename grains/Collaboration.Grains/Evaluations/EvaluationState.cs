using Collaboration.Grains.Mail;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Evaluations;

[GenerateSerializer]
public sealed class EvaluationState : IMailOutboxState
{
    [Id(0)] public EventSubject? Subject { get; set; }
    [Id(1)] public ParticipationEvent? Event { get; set; }
    [Id(2)] public List<EvaluationQuestion> Questions { get; set; } = [];
    [Id(3)] public EvaluationSchedule? Schedule { get; set; }
    [Id(4)] public List<EvaluationInvitation> Invitations { get; set; } = [];
    [Id(5)] public long LastInvitationId { get; set; }

    /// <summary>When the invitations were first sent (those marked present later are invited at the next look, until the form closes).</summary>
    [Id(6)] public DateTimeOffset? InvitationsSentAt { get; set; }

    /// <summary>When the one reminder went (once, whatever the restarts).</summary>
    [Id(7)] public DateTimeOffset? RemindersSentAt { get; set; }

    /// <summary>The links' retention period is over: names, emails and tokens are gone.</summary>
    [Id(8)] public bool LinksForgotten { get; set; }

    [Id(9)] public MailOutbox Mail { get; set; } = new();

    [Id(90)] public EffectOutbox Effects { get; set; } = new();
}
