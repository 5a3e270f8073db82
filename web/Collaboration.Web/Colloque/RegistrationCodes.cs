using System.Security.Cryptography;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Colloque;

/// <summary>Badge codes ("K7QM4TZPXW": 10 characters, no look-alikes, about 50 bits) and re-import match keys.</summary>
public static class RegistrationCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>What a scanner or a person typed, made comparable: upper case, letters and digits only.</summary>
    public static string Normalize(string? code) => SecretTokens.NormalizeCode(code ?? "");

    public static bool LooksValid(string code) => code.Length is >= 4 and <= 32;

    /// <summary>Finds a registration again on re-import: by email when there is one, else by name + organisation. Hashed, never the email itself.</summary>
    public static string MatchKey(AttendeeDetails details) => details.Email.Length > 0
        ? "e:" + SecretTokens.Hash(EmailAddress.Normalize(details.Email))
        : "n:" + SecretTokens.Hash(NameFolding.Fold(details.Name) + "|" + NameFolding.Fold(details.Organisation));
}
