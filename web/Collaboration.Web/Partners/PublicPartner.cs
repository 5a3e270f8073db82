using Collaboration.Grains.Partners;

namespace Collaboration.Web.Partners;

/// <summary>An organisation as the public sees it: public fields only (no other names, no visibility flag, no version).</summary>
public sealed record PublicPartner(
    Guid Id, string Slug, string Name, Mrc Mrc, string Sector, IReadOnlyList<string> Services, string Address, string Website,
    string ContactName, string ContactEmail, string ContactPhone, IReadOnlyList<string> Languages, string DescriptionFr, string DescriptionEn)
{
    public static PublicPartner From(PartnerDirectoryEntry e) => new(
        e.Id, e.Slug, e.Profile.Name, e.Profile.Mrc, PartnerCodes.Code(e.Profile.Sector),
        [.. e.Profile.Services.Select(PartnerCodes.Code)], e.Profile.Address, e.Profile.Website, e.Profile.ContactName,
        e.Profile.ContactEmail, e.Profile.ContactPhone, e.Profile.Languages, e.Profile.DescriptionFr, e.Profile.DescriptionEn);
}
