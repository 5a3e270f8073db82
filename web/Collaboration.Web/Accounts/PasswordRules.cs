using Collaboration.Web.Platform;

namespace Collaboration.Web.Accounts;

public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 200;

    /// <summary>A valid hash of a random password, verified when an email has no account.</summary>
    public static readonly string DummyHash =
        new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), SecretTokens.NewToken());

    /// <summary>
    /// NIST 800-63B: at least 12 characters, no composition rules, but not one of the 10,000 most
    /// common passwords and not containing the account's email (or its part before the @).
    /// </summary>
    public static BilingualText? Check(string? password, string? email = null)
    {
        if (password is null || password.Length < MinLength || password.Length > MaxLength)
            return new($"Le mot de passe doit compter de {MinLength} à {MaxLength} caractères.",
                $"The password must be {MinLength} to {MaxLength} characters long.");
        if (CommonPasswords.Contains(password))
            return new("Ce mot de passe est parmi les plus courants : choisissez-en un autre (une phrase, par exemple).",
                "This password is among the most common ones: choose another (a phrase, for instance).");
        if (ContainsEmail(password, email))
            return new("Le mot de passe ne doit pas contenir votre courriel.", "The password must not contain your email address.");
        return null;
    }

    private static bool ContainsEmail(string password, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var address = email.Trim();
        var local = address.Split('@')[0];
        return password.Contains(address, StringComparison.OrdinalIgnoreCase) ||
               (local.Length >= 4 && password.Contains(local, StringComparison.OrdinalIgnoreCase));
    }
}
