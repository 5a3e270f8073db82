using System.Security.Cryptography;

namespace Collaboration.Grains.Platform;

/// <summary>
/// Random codes people read aloud and type on phones (badge, short and attestation codes): no 0/O, 1/I/L.
/// One draw from the generator for the whole code.
/// </summary>
public static class ReadableCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary><paramref name="length"/> characters of <see cref="Alphabet"/>, about 5 bits each.</summary>
    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
