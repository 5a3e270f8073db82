using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Grains.Platform;

/// <summary>New secret tokens and the hashes they are stored under (the same SHA-256 hex as the web's <c>SecretTokens</c>).</summary>
public static class SecretHash
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Of(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>
    /// The key an evaluation answer is stored under: derived from the link's token by another hash than the one the
    /// invitation keeps, so the stored answer and the stored invitation cannot be joined without the token itself.
    /// </summary>
    public static string AnswerKey(string token) => Of("evaluation-answer:" + token);

    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
