using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Grains.Calendar;

/// <summary>
/// Who a feed belongs to: a person is their address, the same on every Table they sit at (each Table gives them another
/// member id). The key is a hash of it, so the feed grain and its address carry no address; the Tables are asked at each read.
/// </summary>
public static class PersonFeedKey
{
    public static Guid For(string email) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("calendar-feed:" + Normalize(email))).AsSpan(0, 16));

    /// <summary>Whether <paramref name="email"/> is this person's (an erased member's empty address is nobody's).</summary>
    public static bool IsOf(Guid key, string email) => email.Trim().Length > 0 && For(email) == key;

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
