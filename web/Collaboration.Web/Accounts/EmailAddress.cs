using System.Net.Mail;

namespace Collaboration.Web.Accounts;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed and lower-cased: one account per mailbox, whatever the capitals.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength) return false;
        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal);
    }
}
