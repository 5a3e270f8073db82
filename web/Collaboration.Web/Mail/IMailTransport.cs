using MimeKit;

namespace Collaboration.Web.Mail;

/// <summary>Hands a message over; returns when it is accepted (SMTP 250, or the file written), throws otherwise.</summary>
public interface IMailTransport
{
    /// <summary>For the start-up banner: where messages go.</summary>
    string Destination { get; }

    int MaxConcurrency { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
