using Collaboration.Web.Platform;

namespace Collaboration.Web.Accounts;

public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 200;

    /// <summary>A valid hash of a random password, verified when an email has no account.</summary>
    public static readonly string DummyHash =
        new Microsoft.AspNetCore.Identity.PasswordHasher<object>().HashPassword(new object(), SecretTokens.NewToken());

    /// <summary>Length is what matters (NIST 800-63B): at least 12 characters, no composition rules.</summary>
    public static BilingualText? Check(string? password) =>
        password is null || password.Length < MinLength || password.Length > MaxLength
            ? new($"Le mot de passe doit compter de {MinLength} à {MaxLength} caractères.",
                $"The password must be {MinLength} to {MaxLength} characters long.")
            : null;
}
