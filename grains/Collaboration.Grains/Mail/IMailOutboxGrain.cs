namespace Collaboration.Grains.Mail;

/// <summary>What every grain with an outbox answers: the organiser's view, and a resend of a failed message.</summary>
public interface IMailOutboxGrain : IGrain
{
    /// <summary>Every message, oldest first: sent, pending, failed.</summary>
    Task<IReadOnlyList<OutboxMailView>> GetMailAsync();

    /// <summary>A failed message goes back to pending (same Message-ID); false when it is not failed or unknown.</summary>
    Task<bool> ResendMailAsync(long mailId);
}
