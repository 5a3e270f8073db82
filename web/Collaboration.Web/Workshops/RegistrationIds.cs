using System.Diagnostics.CodeAnalysis;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Workshops;

/// <summary>
/// A registration id embeds its session: "{session id, 32 hex}-{code, 8 chars}". The id alone
/// therefore finds the session grain, and the code (shown as "K7QM-4TZP") is the registration
/// code printed on the confirmation and in its QR code. Knowing an id grants nothing: every
/// read or change also needs the manage token.
/// </summary>
public static class RegistrationIds
{
    public static string NewCode() => SecretTokens.NormalizeCode(SecretTokens.NewShortCode());

    public static string Format(Guid sessionId, string code) => $"{sessionId:N}-{code}";

    /// <summary>"K7QM4TZP" → "K7QM-4TZP", as printed for people.</summary>
    public static string Display(string code) => code.Length == 8 ? $"{code[..4]}-{code[4..]}" : code;

    public static bool TryParse(string? id, out Guid sessionId, [NotNullWhen(true)] out string? code)
    {
        sessionId = default;
        code = null;
        if (id is null || id.Length != 41 || id[32] != '-') return false;
        if (!Guid.TryParseExact(id[..32], "N", out sessionId)) return false;
        var candidate = id[33..];
        if (!candidate.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))) return false;
        code = candidate;
        return true;
    }
}
