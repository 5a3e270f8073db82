namespace Collaboration.Grains.Mail;

/// <summary>Someone a grain writes to, given by the caller (the table's members for a meeting): only people who gave an email.</summary>
[GenerateSerializer, Immutable]
public sealed record MailRecipient(string Email, string Name, string Reference, string? Language = null);
