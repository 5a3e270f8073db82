namespace Collaboration.Web.Mail;

/// <summary><c>Mail:Smtp:*</c>. No <see cref="Host"/>: messages go to the pickup folder instead.</summary>
public sealed class MailSmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Connections kept open to the server, shared by every outbox of this node.</summary>
    public int Connections { get; set; } = 4;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
