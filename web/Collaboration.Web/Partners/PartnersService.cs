using Collaboration.Grains.Colloque;
using Collaboration.Grains.Partners;

namespace Collaboration.Web.Partners;

/// <summary>Creating an organisation takes two grains: the directory reserves its slug, then the organisation is created.</summary>
public sealed class PartnersService(IGrainFactory grains)
{
    public IPartnerDirectoryGrain Directory => grains.GetGrain<IPartnerDirectoryGrain>(PartnerDirectoryGrain.Key);

    public async Task<PartnerResult> CreateAsync(PartnerProfile profile)
    {
        var id = Guid.NewGuid();
        var slug = await Directory.ReserveSlugAsync(id, Slug(profile.Name));
        return await grains.GetGrain<IPartnerOrganisationGrain>(id).CreateAsync(slug, profile);
    }

    public Task<PartnerResult> UpdateAsync(Guid id, PartnerProfile profile, long expectedVersion) =>
        grains.GetGrain<IPartnerOrganisationGrain>(id).UpdateAsync(profile, expectedVersion);

    /// <summary>"Maison d'Haïti — Joliette" → "maison-d-haiti-joliette".</summary>
    public static string Slug(string name)
    {
        var slug = NameFolding.Fold(name).Replace(' ', '-');
        if (slug.Length > 80) slug = slug[..80].TrimEnd('-');
        return slug.Length == 0 ? "organisme" : slug;
    }
}
