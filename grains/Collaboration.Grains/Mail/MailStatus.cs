namespace Collaboration.Grains.Mail;

public enum MailStatus
{
    /// <summary>Recorded, not yet accepted by the SMTP server (or waiting for a retry after a 4xx).</summary>
    Pending,
    /// <summary>The server answered 250: the body is gone, recipient, subject and time are kept.</summary>
    Sent,
    /// <summary>Refused for good (5xx, or too many temporary failures): shown to the organiser, who may resend.</summary>
    Failed,
    /// <summary>
    /// Recorded with its cause but not deliverable yet: waits for a fact decided after that write
    /// (a colloque place), which completes it and makes it pending, or drops it.
    /// </summary>
    Held,
}
