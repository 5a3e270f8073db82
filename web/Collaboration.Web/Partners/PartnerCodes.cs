using Collaboration.Grains.Partners;
using Collaboration.Grains.Regions;
using Collaboration.Grains.Tables;

namespace Collaboration.Web.Partners;

/// <summary>The stable codes of MRCs (from <see cref="Mrcs"/>), services and sectors in URLs, message keys and CSV ("les-moulins", "francisation").</summary>
public static class PartnerCodes
{
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
    public static IReadOnlyList<Mrc> RegionMrcs => Mrcs.Region;

    public static IReadOnlyList<ServiceTag> AllServices { get; } = Enum.GetValues<ServiceTag>();

    public static string Code(Mrc mrc) => Mrcs.Code(mrc);

    public static string Code(ServiceTag tag) => Services[tag];

    public static string Code(Sector sector) => Sectors[sector];

    public static Mrc? ParseMrc(string? code) => Mrcs.Parse(code);

    public static ServiceTag? ParseService(string? code) => Find(Services, code);

    /// <summary>Also accepts the accented spelling ("économique") the meetings API takes.</summary>
    public static Sector? ParseSector(string? code) => Find(Sectors, Collaboration.Grains.Colloque.NameFolding.Fold(code));

    private static T? Find<T>(Dictionary<T, string> codes, string? code) where T : struct =>
        codes.FirstOrDefault(p => string.Equals(p.Value, code?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found
            ? found.Key
            : null;
}
