using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;

namespace Collaboration.Web.Colloque;

/// <summary>Badge codes as typed or scanned (made by <see cref="BadgeCodes"/>), and re-import match keys.</summary>
public static class RegistrationCodes
{
    /// <summary>Draws codes until <paramref name="attempt"/> finds one free (a collision is about one in a quadrillion).</summary>
    public static async Task<T> UnderNewCodeAsync<T>(Func<string, Task<T>> attempt, Func<T, bool> codeTaken)
    {
        for (var i = 0; i < 5; i++)
        {
            var result = await attempt(BadgeCodes.New());
            if (!codeTaken(result)) return result;
        }
        throw new InvalidOperationException("No free registration code after several attempts.");
    }

    /// <summary>What a scanner or a person typed, made comparable: upper case, letters and digits only.</summary>
    public static string Normalize(string? code) => SecretTokens.NormalizeCode(code ?? "");

    public static bool LooksValid(string code) => code.Length is >= 4 and <= 32;

    /// <summary>Finds a registration again on re-import: by email when there is one, else by name + organisation. Hashed, never the email itself.</summary>
    public static string MatchKey(AttendeeDetails details) => details.Email.Length > 0
        ? "e:" + SecretTokens.Hash(EmailAddress.Normalize(details.Email))
        : "n:" + SecretTokens.Hash(NameFolding.Fold(details.Name) + "|" + NameFolding.Fold(details.Organisation));
}
