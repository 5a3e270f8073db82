using Collaboration.Grains.Mail;
using MailKit;
using MailKit.Net.Smtp;

namespace Collaboration.Web.Mail;

/// <summary>
/// What the outboxes of this node's grains call: compose, hand to the transport, and say how it
/// went. A 5xx is a refusal (failed, shown to the organiser); a 4xx, a refused connection, a
/// timeout or a dropped line is temporary (retried).
/// </summary>
public sealed class MailDelivery(MailComposer composer, IMailTransport transport, ILogger<MailDelivery> logger, IServiceProvider services) : IMailDelivery
{

    public string SubjectOf(OutboxMail mail) => composer.SubjectOf(mail);

    public async Task<MailDeliveryResult> DeliverAsync(OutboxMail mail, CancellationToken cancellationToken)
    {
        string subject;
        MimeKit.MimeMessage message;
        var attestation = await AttestationAsync(mail);
        try
        {
            message = composer.Compose(mail, attestation);
            subject = message.Subject ?? ""; // composed once: the message carries it
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException)
        {
            logger.LogError(e, "Message {MessageId} ({Kind}) cannot be composed", mail.MessageId, mail.Kind);
            return new(MailDeliveryOutcome.Refused, mail.Subject ?? mail.Kind.ToString(), $"composition: {e.Message}");
        }
        try
        {
            await transport.SendAsync(message, cancellationToken);
            return new(MailDeliveryOutcome.Delivered, subject);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            logger.LogWarning("Message {MessageId} refused for good: {Status} {Error}", mail.MessageId, (int)e.StatusCode, e.Message);
            return new(MailDeliveryOutcome.Refused, subject, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (SmtpCommandException e)
        {
            return new(MailDeliveryOutcome.Retry, subject, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or ServiceNotConnectedException
            or TimeoutException or OperationCanceledException or MailKit.Security.AuthenticationException or UnauthorizedAccessException)
        {
            logger.LogInformation("Message {MessageId} not sent yet ({Error}); retried", mail.MessageId, e.Message);
            return new(MailDeliveryOutcome.Retry, subject, e.Message);
        }
    }

    /// <summary>The evaluation's invitation carries the person's attestation of participation (when the event still counts them present).</summary>
    private async Task<byte[]?> AttestationAsync(OutboxMail mail)
    {
        if (mail.Kind != MailKind.EvaluationInvited || mail.Data is not { } data || services.GetService<Attestations.Attestations>() is not { } attestations
            || !Grains.Participation.EventSubject.TryParse(data.GetValueOrDefault("subject"), out var subject)
            || subject.Kind == Grains.Participation.SubjectKind.Atelier || !data.TryGetValue("reference", out var reference)) return null;
        return await attestations.ForAsync(subject, reference) is { } doc ? attestations.Pdf(doc) : null;
    }
}
