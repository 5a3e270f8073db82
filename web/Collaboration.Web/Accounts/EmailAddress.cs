using System.Net.Mail;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Accounts;

public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>What a form says of an address that is not one.</summary>
    public static readonly BilingualText Invalid = new("Entrez une adresse courriel valide.", "Enter a valid email address.");

    /// <summary>Trimmed and lower-cased: one account per mailbox, whatever the capitals.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength) return false;
        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal);
    }
}
