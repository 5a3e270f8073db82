namespace Collaboration.Grains.Mail;

/// <summary>
/// Sends one message (the silo's host provides it: MailKit over SMTP, or .eml files in a pickup
/// folder). Grains without it registered (grain tests) keep their messages pending.
/// </summary>
public interface IMailDelivery
{
    /// <summary>The subject the message has (or will have), for the organiser's view of pending ones.</summary>
    string SubjectOf(OutboxMail mail);

    Task<MailDeliveryResult> DeliverAsync(OutboxMail mail, CancellationToken cancellationToken);
}
