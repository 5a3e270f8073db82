using Collaboration.Grains.Colloque;

namespace Collaboration.Web.Colloque;

/// <summary>Categories as spreadsheets and forms spell them ("élu·e", "organisme communautaire"); JSON uses the enum's own name.</summary>
public static class CategorySpellings
{
    private static readonly Dictionary<string, AttendeeCategory> Spellings = new(StringComparer.Ordinal)
    {
        ["employer"] = AttendeeCategory.Employer, ["employeur"] = AttendeeCategory.Employer, ["employeuse"] = AttendeeCategory.Employer,
        ["entreprise"] = AttendeeCategory.Employer,
        ["electedofficial"] = AttendeeCategory.ElectedOfficial, ["elected official"] = AttendeeCategory.ElectedOfficial,
        ["elected"] = AttendeeCategory.ElectedOfficial, ["elu"] = AttendeeCategory.ElectedOfficial, ["elue"] = AttendeeCategory.ElectedOfficial,
        ["elu e"] = AttendeeCategory.ElectedOfficial, ["elus"] = AttendeeCategory.ElectedOfficial, ["elu es"] = AttendeeCategory.ElectedOfficial,
        ["communityorganisation"] = AttendeeCategory.CommunityOrganisation, ["organisme communautaire"] = AttendeeCategory.CommunityOrganisation,
        ["communautaire"] = AttendeeCategory.CommunityOrganisation, ["community organisation"] = AttendeeCategory.CommunityOrganisation,
        ["community organization"] = AttendeeCategory.CommunityOrganisation, ["community"] = AttendeeCategory.CommunityOrganisation,
        ["institution"] = AttendeeCategory.Institution, ["institutionnel"] = AttendeeCategory.Institution,
        ["mrc"] = AttendeeCategory.Mrc,
        ["other"] = AttendeeCategory.Other, ["autre"] = AttendeeCategory.Other, [""] = AttendeeCategory.Other,
    };

    public static bool TryParse(string? text, out AttendeeCategory category) =>
        Spellings.TryGetValue(NameFolding.Fold(text), out category);
}
