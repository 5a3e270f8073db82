using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Mail;

/// <summary>A grain's outbox: part of its state, so a message and its cause commit together.</summary>
[GenerateSerializer]
public sealed class MailOutbox
{
    [Id(0)] public List<OutboxMail> Messages { get; set; } = [];
    [Id(1)] public long LastId { get; set; }

    /// <summary>
    /// In a grain that keeps its sent messages in a ledger (<see cref="AfterCommitGrain{TState}"/>'s
    /// <c>SentMailLedger</c>): those sent since their chunk was written. Empty elsewhere: the sent stay in <see cref="Messages"/>.
    /// </summary>
    [Id(2)] public LedgerHead<OutboxMail> Sent { get; set; } = new();

    /// <summary>Records a message to send; nothing is sent before the write holding it has committed.</summary>
    public OutboxMail Record(MailKind kind, string to, string toName, string? language, string reference,
        Dictionary<string, string> data, DateTimeOffset now)
    {
        var mail = new OutboxMail
        {
            Id = ++LastId,
            MessageId = $"{Guid.NewGuid():N}@concertation",
            Kind = kind,
            To = to,
            ToName = toName,
            Language = language,
            Reference = reference,
            Data = data,
            Status = MailStatus.Pending,
            CreatedAt = now,
        };
        Messages.Add(mail);
        return mail;
    }

    /// <summary>Records a message whose data is completed later (<see cref="MailStatus.Held"/>): never sent until released.</summary>
    public OutboxMail Hold(MailKind kind, string to, string toName, string? language, string reference,
        Dictionary<string, string> data, DateTimeOffset now)
    {
        var mail = Record(kind, to, toName, language, reference, data, now);
        mail.Status = MailStatus.Held;
        return mail;
    }

    /// <summary>The organiser's view, oldest first; a pending message's subject as it will be.</summary>
    public IReadOnlyList<OutboxMailView> Views(IMailDelivery? delivery) => Messages.Select(mail =>
    {
        var view = OutboxMailView.From(mail);
        return view.Subject is null && delivery is not null && mail.Data is not null ? view with { Subject = delivery.SubjectOf(mail) } : view;
    }).ToList();

    /// <summary>A failed message goes back to pending (same Message-ID); false when it is not failed, or has no body left.</summary>
    public bool Resend(long mailId)
    {
        var mail = Messages.Find(m => m.Id == mailId);
        if (mail is not { Status: MailStatus.Failed, Data: not null }) return false;
        mail.Status = MailStatus.Pending;
        mail.Attempts = 0;
        mail.LastError = null;
        return true;
    }

    public bool HasPending => Messages.Exists(m => m.Status == MailStatus.Pending);

    /// <summary>An erased person's messages not yet sent are dropped (held ones too; sent ones keep no body already).</summary>
    public int DropPendingFor(string reference) =>
        Messages.RemoveAll(m => m.Reference == reference && m.Status != MailStatus.Sent);
}
