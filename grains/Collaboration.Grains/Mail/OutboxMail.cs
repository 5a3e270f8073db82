namespace Collaboration.Grains.Mail;

/// <summary>
/// One message of a grain's outbox, recorded in the same write as the change that caused it.
/// <see cref="MessageId"/> is fixed here, so a send repeated after a crash carries the same one.
/// <see cref="Data"/> is what the composer needs (names, dates, the sealed manage token…); it is
/// dropped once the message is delivered.
/// </summary>
[GenerateSerializer]
public sealed class OutboxMail
{
    [Id(0)] public long Id { get; set; }
    [Id(1)] public string MessageId { get; set; } = "";
    [Id(2)] public MailKind Kind { get; set; }
    [Id(3)] public string To { get; set; } = "";
    [Id(4)] public string ToName { get; set; } = "";
    /// <summary>"fr" or "en" when the recipient chose; null: French first, then English.</summary>
    [Id(5)] public string? Language { get; set; }
    /// <summary>Whose message it is inside the grain (a registration code, a member id): for erasure and the organiser's view.</summary>
    [Id(6)] public string Reference { get; set; } = "";
    [Id(7)] public Dictionary<string, string>? Data { get; set; }
    [Id(8)] public MailStatus Status { get; set; }
    [Id(9)] public int Attempts { get; set; }
    [Id(10)] public string? LastError { get; set; }
    [Id(11)] public string? Subject { get; set; }
    [Id(12)] public DateTimeOffset CreatedAt { get; set; }
    [Id(13)] public DateTimeOffset? SentAt { get; set; }
    [Id(14)] public DateTimeOffset? LastAttemptAt { get; set; }
}
