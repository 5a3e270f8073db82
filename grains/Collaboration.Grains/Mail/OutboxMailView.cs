namespace Collaboration.Grains.Mail;

/// <summary>One message as the organiser's outbox view shows it (never the body).</summary>
[GenerateSerializer, Immutable]
public sealed record OutboxMailView(
    long Id, string MessageId, MailKind Kind, string To, string ToName, string Reference, MailStatus Status,
    int Attempts, string? LastError, string? Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, bool CanResend)
{
    public static OutboxMailView From(OutboxMail m) => new(m.Id, m.MessageId, m.Kind, m.To, m.ToName, m.Reference, m.Status,
        m.Attempts, m.LastError, m.Subject, m.CreatedAt, m.SentAt, m.Status == MailStatus.Failed && m.Data is not null);
}
