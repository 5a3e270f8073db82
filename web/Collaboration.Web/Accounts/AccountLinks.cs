using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Collaboration.Web.Accounts;

/// <summary>
/// The tokens of an organiser's emailed links (invitation, password reset). A token is the account's
/// email and 128 random bits, encrypted with the cluster's shared key ring: the link finds its
/// account without an index, shows nobody the email, and the account stores only its SHA-256 to
/// check it (expiry and single use are the account grain's).
/// </summary>
public sealed class AccountLinks(IDataProtectionProvider protection)
{
    public const string Invitation = "invitation";
    public const string PasswordReset = "password-reset";

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A new token for this account and purpose (it goes in one email, nowhere else).</summary>
    public string Issue(string email, string purpose) =>
        Protector(purpose).Protect($"{email}\n{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");

    /// <summary>The account a token names, or null for anything that is not one of ours for this purpose.</summary>
    public string? EmailOf(string? token, string purpose)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var value = Protector(purpose).Unprotect(token.Trim());
            var end = value.IndexOf('\n');
            return end > 0 ? value[..end] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("Concertation.Accounts.Link", purpose);
}
