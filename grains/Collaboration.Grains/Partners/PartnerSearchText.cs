using Collaboration.Grains.Colloque;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Partners;

/// <summary>
/// The folded words an organisation is found by, in both languages (" francisation french language
/// classes joliette … "), with a space at each end so that " term" finds the start of a word.
/// </summary>
public static class PartnerSearchText
{
    public static string For(PartnerProfile p) =>
        " " + string.Join(' ', new[]
        {
            NameFolding.Fold(p.Name),
            NameFolding.Fold(string.Join(' ', p.Aliases)),
            NameFolding.Fold(MrcWords(p.Mrc)),
            NameFolding.Fold(string.Join(' ', p.Services.Select(ServiceWords))),
            NameFolding.Fold(SectorWords(p.Sector)),
            NameFolding.Fold(p.Address),
            NameFolding.Fold(p.ContactName),
            NameFolding.Fold(string.Join(' ', p.Languages.Select(LanguageWords))),
        }.Where(s => s.Length > 0)) + " ";

    /// <summary>The query's words, folded; each must start a word of <see cref="For"/>.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        [.. NameFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Select(t => " " + t)];

    public static string MrcWords(Mrc mrc) => mrc switch
    {
        Mrc.DAutray => "D'Autray",
        Mrc.Joliette => "Joliette",
        Mrc.LAssomption => "L'Assomption",
        Mrc.Matawinie => "Matawinie",
        Mrc.Montcalm => "Montcalm",
        Mrc.LesMoulins => "Les Moulins",
        _ => "hors région outside region",
    };

    private static string ServiceWords(ServiceTag tag) => tag switch
    {
        ServiceTag.Accueil => "accueil welcome settlement",
        ServiceTag.Francisation => "francisation french classes",
        ServiceTag.Emploi => "emploi employment jobs",
        ServiceTag.Logement => "logement housing",
        ServiceTag.ReconnaissanceDesAcquis => "reconnaissance des acquis diplômes recognition credentials",
        ServiceTag.AccompagnementDesEmployeurs => "accompagnement des employeurs employer support",
        ServiceTag.Education => "éducation école education school",
        ServiceTag.Sante => "santé health",
        ServiceTag.Famille => "famille family",
        ServiceTag.Transport => "transport",
        ServiceTag.Juridique => "juridique droit legal",
        _ => "vie communautaire bénévolat community volunteering",
    };

    private static string SectorWords(Sector sector) => sector switch
    {
        Sector.Communautaire => "communautaire community",
        Sector.Institutionnel => "institutionnel institution",
        Sector.Economique => "économique economic",
        Sector.Municipal => "municipal municipalité",
        _ => "",
    };

    private static string LanguageWords(string code) => code switch
    {
        "fr" => "français french",
        "en" => "anglais english",
        "es" => "espagnol spanish",
        "ar" => "arabe arabic",
        "pt" => "portugais portuguese",
        "zh" => "chinois mandarin chinese",
        "fa" => "persan farsi persian",
        "uk" => "ukrainien ukrainian",
        "ru" => "russe russian",
        "vi" => "vietnamien vietnamese",
        "ht" => "créole haïtien haitian creole",
        "sw" => "swahili",
        "ro" => "roumain romanian",
        "tl" => "tagalog filipino",
        "hi" => "hindi",
        "ta" => "tamoul tamil",
        "de" => "allemand german",
        "it" => "italien italian",
        _ => code,
    };
}
