using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Mail;

/// <summary>A grain state with an outbox: each pending message is delivered by a <see cref="SendMail"/> effect (see <see cref="AfterCommitGrain{TState}"/>).</summary>
public interface IMailOutboxState : IEffectState
{
    MailOutbox Mail { get; }
}
