using Collaboration.Web.Accounts;

namespace Collaboration.Web.Platform;

/// <summary>
/// The private manage link's token, for people without an account (workshop registrants, colloque
/// attendees): shown once, stored only as its hash, carried in the URL fragment of the manage
/// page (never sent to the server in a URL) and sent by the page in the <see cref="Header"/> header.
/// </summary>
public static class ManageToken
{
    public const string Header = "X-Manage-Token";
    public const int MaxLength = 100;

    /// <summary>The hash of the token the caller sent (header first, then <paramref name="fallback"/>); null when none or too long.</summary>
    public static string? HashFrom(HttpRequest request, string? fallback = null)
    {
        var token = request.Headers[Header].FirstOrDefault() ?? fallback;
        return string.IsNullOrEmpty(token) || token.Length > MaxLength ? null : SecretTokens.Hash(token);
    }
}
