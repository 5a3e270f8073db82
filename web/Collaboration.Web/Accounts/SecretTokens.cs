using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Unguessable tokens and short codes, and the hashes under which they are stored: a leaked
/// database does not leak working links.
/// </summary>
public static class SecretTokens
{
    // No 0/O, 1/I/L: codes are read aloud and typed on phones.
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short code like "K7QM-4TZP" (about 40 bits).</summary>
    public static string NewShortCode()
    {
        var chars = new char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}";
    }

    /// <summary>Upper-case, without spaces or dashes, so "k7qm 4tzp" finds "K7QM-4TZP".</summary>
    public static string NormalizeCode(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
