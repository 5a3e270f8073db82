namespace Collaboration.Grains.Mail;

/// <summary>A grain state with an outbox: <see cref="Platform.DurableGrain{TState}"/> then delivers it after each commit.</summary>
public interface IMailOutboxState
{
    MailOutbox Mail { get; }
}
