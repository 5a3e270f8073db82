using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace Collaboration.Web.Accounts;

/// <summary>
/// TOTP (RFC 6238, Otp.NET): 30-second steps, 6 digits, one step of clock drift either way. The
/// secret is kept in the account grain sealed by the cluster's key ring. Recovery codes are short
/// codes, stored hashed, each good once.
/// </summary>
public sealed class SecondFactor(IDataProtectionProvider protection, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Concertation";

    private readonly IDataProtector _protector = protection.CreateProtector("Concertation.Accounts.Totp");

    /// <summary>A new secret: sealed for the grain, and in Base32 for the authenticator app.</summary>
    public (string Sealed, string Base32) NewSecret()
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        return (_protector.Protect(secret), secret);
    }

    /// <summary>The otpauth:// address the enrolment QR code carries.</summary>
    public static string EnrolmentUri(string email, string base32Secret) =>
        new OtpUri(OtpType.Totp, base32Secret, email, Issuer).ToString();

    /// <summary>The time step this code belongs to, when it is right for the sealed secret now; the caller still asks the grain whether the step is unused.</summary>
    public long? MatchingStep(string? sealedSecret, string? code)
    {
        var digits = new string((code ?? "").Where(char.IsDigit).ToArray());
        if (sealedSecret is null || digits.Length != 6 || (code ?? "").Trim().Length > 9) return null;
        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(sealedSecret)));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }

    /// <summary>Ten fresh recovery codes ("K7QM-4TZP"): shown once to their owner, stored only hashed.</summary>
    public static IReadOnlyList<string> NewRecoveryCodes() => [.. Enumerable.Range(0, RecoveryCodeCount).Select(_ => SecretTokens.NewShortCode())];

    public static string HashRecoveryCode(string code) => SecretTokens.Hash(SecretTokens.NormalizeCode(code));
}
