using System.Security.Cryptography;
using System.Text;
using Collaboration.Grains.Platform;

namespace Collaboration.Web.Accounts;

/// <summary>
/// Unguessable tokens and short codes, and the hashes under which they are stored: a leaked
/// database does not leak working links.
/// </summary>
public static class SecretTokens
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short code like "K7QM-4TZP" (about 40 bits).</summary>
    public static string NewShortCode()
    {
        var code = ReadableCodes.New(8);
        return $"{code[..4]}-{code[4..]}";
    }

    /// <summary>Upper-case, without spaces or dashes, so "k7qm 4tzp" finds "K7QM-4TZP".</summary>
    public static string NormalizeCode(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
