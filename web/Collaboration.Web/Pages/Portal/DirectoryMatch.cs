using Collaboration.Grains.Colloque;
using Collaboration.Grains.Partners;

namespace Collaboration.Web.Pages.Portal;

/// <summary>
/// Why a card is in the results when the organisation's name alone does not explain it: the contact person or the other
/// name that the words matched ("helene" finds an organisation through Hélène, its contact), so the card can say so.
/// </summary>
public sealed record DirectoryMatch(string? Contact, string? Alias)
{
    public static DirectoryMatch None { get; } = new(null, null);

    public static DirectoryMatch For(PartnerProfile profile, string? query)
    {
        var terms = PartnerSearchText.Terms(query);
        if (terms.Count == 0 || terms.All(t => Words(profile.Name).Contains(t, StringComparison.Ordinal))) return None;
        bool Matches(string text) => terms.Any(t => Words(text).Contains(t, StringComparison.Ordinal));
        return new(
            profile.ContactName is { Length: > 0 } contact && Matches(contact) ? contact : null,
            profile.Aliases.FirstOrDefault(Matches));
    }

    private static string Words(string text) => " " + NameFolding.Fold(text) + " ";
}
