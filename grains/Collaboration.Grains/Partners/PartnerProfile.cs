using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Partners;

/// <summary>
/// Everything an organiser edits about a partner organisation. Public fields are those shown on the
/// portal when <see cref="IsPublic"/>; <see cref="Aliases"/> (other names, acronyms) help the
/// matching of table members' free-text organisation names and the search, and are not shown.
/// <see cref="Languages"/> are ISO 639-1 codes ("fr", "en", "es").
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartnerProfile(
    string Name,
    Mrc Mrc,
    Sector Sector,
    IReadOnlyList<ServiceTag> Services,
    string Address,
    string Website,
    string ContactName,
    string ContactEmail,
    string ContactPhone,
    IReadOnlyList<string> Languages,
    string DescriptionFr,
    string DescriptionEn,
    IReadOnlyList<string> Aliases,
    bool IsPublic);
