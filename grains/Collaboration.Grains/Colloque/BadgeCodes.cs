using System.Security.Cryptography;

namespace Collaboration.Grains.Colloque;

/// <summary>Badge codes ("K7QM4TZPXW": 10 characters, no look-alikes, about 50 bits).</summary>
public static class BadgeCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }
}
