namespace Collaboration.Grains.Mail;

public sealed record MailDeliveryResult(MailDeliveryOutcome Outcome, string Subject, string? Error = null);
