using Collaboration.Grains.Mail;

namespace Collaboration.Web.Mail;

/// <summary>One email of a colloque's outbox view: the registration it belongs to, then the message as every outbox view shows it (never the body).</summary>
public sealed record ColloqueOutboxRow(
    string Code, long Id, string MessageId, MailKind Kind, string To, string ToName, MailStatus Status, int Attempts,
    string? LastError, string? Subject, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, bool CanResend)
{
    public static ColloqueOutboxRow From(string code, OutboxMailView m) => new(code, m.Id, m.MessageId, m.Kind, m.To, m.ToName, m.Status,
        m.Attempts, m.LastError, m.Subject, m.CreatedAt, m.SentAt, m.CanResend);
}
