using System.Globalization;
using System.Net.Mail;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Accounts;

public static class EmailAddress
{
    public const int MaxLength = 254;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>What a form says of an address that is not one.</summary>
    public static readonly BilingualText Invalid = new("Entrez une adresse courriel valide (ex. nom@organisme.ca).",
        "Enter a valid email address (e.g. name@organisation.ca).");

    // SMTP without SMTPUTF8 cannot carry it, and many servers refuse it: refused with a reason rather than sent raw.
    private static readonly BilingualText NonAsciiLocalPart = new(
        "Écrivez la partie avant le @ sans accents ni caractères spéciaux : bien des serveurs de courriel refusent ces adresses.",
        "Write the part before the @ without accents or special characters: many mail servers refuse such addresses.");

    private static readonly BilingualText AddressLiteral = new("Après le @, écrivez un nom de domaine (ex. organisme.ca), pas une adresse IP.",
        "After the @, write a domain name (e.g. organisation.ca), not an IP address.");

    /// <summary>Trimmed and lower-cased: one account per mailbox, whatever the capitals.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email) => Refusal(email) is null;

    /// <summary>Why people cannot use this address, in their two languages; null when they can.</summary>
    public static BilingualText? Refusal(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength) return Invalid;
        var trimmed = email.Trim();
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed) return Invalid;
        var at = trimmed.LastIndexOf('@');
        var domain = trimmed[(at + 1)..];
        if (domain.StartsWith('[')) return AddressLiteral;
        if (!trimmed[..at].All(char.IsAscii)) return NonAsciiLocalPart;
        if (AsciiDomain(domain) is not { } ascii || !ascii.Contains('.', StringComparison.Ordinal)) return Invalid;
        return ascii.Split('.')[^1].All(char.IsAsciiDigit) ? AddressLiteral : null;
    }

    private static string? AsciiDomain(string domain)
    {
        try
        {
            return Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
