namespace Collaboration.Grains.Partners;

/// <summary>The limits a profile must respect (the web layer explains them field by field; the grain refuses anything else).</summary>
public static class PartnerProfileRules
{
    public const int MaxName = 200;
    public const int MaxShort = 300;
    public const int MaxDescription = 4000;
    public const int MaxAliases = 10;

    /// <summary>The languages a partner may say it serves (ISO 639-1).</summary>
    public static readonly IReadOnlyList<string> KnownLanguages =
        ["fr", "en", "es", "ar", "pt", "zh", "fa", "uk", "ru", "vi", "ht", "sw", "ro", "tl", "hi", "ta", "de", "it"];

    public static bool IsValid(PartnerProfile p) =>
        !string.IsNullOrWhiteSpace(p.Name) && p.Name.Length <= MaxName &&
        Enum.IsDefined(p.Mrc) && Enum.IsDefined(p.Sector) &&
        p.Services.All(Enum.IsDefined) && p.Services.Distinct().Count() == p.Services.Count &&
        new[] { p.Address, p.Website, p.ContactName, p.ContactEmail, p.ContactPhone }.All(s => s is not null && s.Length <= MaxShort) &&
        p.DescriptionFr.Length <= MaxDescription && p.DescriptionEn.Length <= MaxDescription &&
        p.Languages.All(KnownLanguages.Contains) && p.Languages.Distinct().Count() == p.Languages.Count &&
        p.Aliases.Count <= MaxAliases && p.Aliases.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= MaxName);
}
