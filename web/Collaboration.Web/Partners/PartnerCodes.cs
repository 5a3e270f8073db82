using Collaboration.Grains.Partners;
using Collaboration.Grains.Tables;

namespace Collaboration.Web.Partners;

/// <summary>The stable codes of MRCs, services and sectors in URLs, JSON and CSV ("les-moulins", "francisation").</summary>
public static class PartnerCodes
{
    private static readonly Dictionary<Mrc, string> Mrcs = new()
    {
        [Mrc.DAutray] = "d-autray", [Mrc.Joliette] = "joliette", [Mrc.LAssomption] = "l-assomption",
        [Mrc.Matawinie] = "matawinie", [Mrc.Montcalm] = "montcalm", [Mrc.LesMoulins] = "les-moulins", [Mrc.OutsideRegion] = "hors-region",
    };

    private static readonly Dictionary<ServiceTag, string> Services = new()
    {
        [ServiceTag.Accueil] = "accueil", [ServiceTag.Francisation] = "francisation", [ServiceTag.Emploi] = "emploi",
        [ServiceTag.Logement] = "logement", [ServiceTag.ReconnaissanceDesAcquis] = "reconnaissance-acquis",
        [ServiceTag.AccompagnementDesEmployeurs] = "employeurs", [ServiceTag.Education] = "education", [ServiceTag.Sante] = "sante",
        [ServiceTag.Famille] = "famille", [ServiceTag.Transport] = "transport", [ServiceTag.Juridique] = "juridique",
        [ServiceTag.VieCommunautaire] = "vie-communautaire",
    };

    private static readonly Dictionary<Sector, string> Sectors = new()
    {
        [Sector.Communautaire] = "communautaire", [Sector.Institutionnel] = "institutionnel", [Sector.Economique] = "economique",
        [Sector.Municipal] = "municipal", [Sector.Autre] = "autre",
    };

    /// <summary>The six MRCs of the region, in the order the map and the filters show them.</summary>
    public static IReadOnlyList<Mrc> RegionMrcs { get; } = [Mrc.DAutray, Mrc.Joliette, Mrc.LAssomption, Mrc.Matawinie, Mrc.Montcalm, Mrc.LesMoulins];

    public static IReadOnlyList<ServiceTag> AllServices { get; } = Enum.GetValues<ServiceTag>();

    public static string Code(Mrc mrc) => Mrcs[mrc];

    public static string Code(ServiceTag tag) => Services[tag];

    public static string Code(Sector sector) => Sectors[sector];

    public static Mrc? ParseMrc(string? code) => Find(Mrcs, code);

    public static ServiceTag? ParseService(string? code) => Find(Services, code);

    /// <summary>Also accepts the accented spelling ("économique") the meetings API takes.</summary>
    public static Sector? ParseSector(string? code) => Find(Sectors, Collaboration.Grains.Colloque.NameFolding.Fold(code));

    private static T? Find<T>(Dictionary<T, string> codes, string? code) where T : struct =>
        codes.FirstOrDefault(p => string.Equals(p.Value, code?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : null;
}
