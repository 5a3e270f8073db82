namespace Collaboration.Grains.Mail;

public enum MailDeliveryOutcome
{
    /// <summary>The server answered 250 (or the .eml file is written).</summary>
    Delivered,
    /// <summary>Temporary (4xx, connection refused, timeout): retried with backoff.</summary>
    Retry,
    /// <summary>Permanent (5xx): recorded as failed.</summary>
    Refused,
}
