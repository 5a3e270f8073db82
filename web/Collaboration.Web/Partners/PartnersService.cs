using Collaboration.Grains.Colloque;
using Collaboration.Grains.Partners;

namespace Collaboration.Web.Partners;

/// <summary>Creating an organisation takes two grains: the directory reserves its slug, then the organisation is created.</summary>
public sealed class PartnersService(IGrainFactory grains)
{
    public IPartnerDirectoryGrain Directory => grains.GetGrain<IPartnerDirectoryGrain>(PartnerDirectoryGrain.Key);

    /// <param name="by">The organiser's email, for the audit log (null for demo data).</param>
    public async Task<PartnerResult> CreateAsync(PartnerProfile profile, string? by = null)
    {
        var id = Guid.NewGuid();
        var slug = await Directory.ReserveSlugAsync(id, Slug(profile.Name));
        return await grains.GetGrain<IPartnerOrganisationGrain>(id).CreateAsync(slug, profile, by);
    }

    public Task<PartnerResult> UpdateAsync(Guid id, PartnerProfile profile, long expectedVersion, string by) =>
        grains.GetGrain<IPartnerOrganisationGrain>(id).UpdateAsync(profile, expectedVersion, by);

    /// <summary>The duplicate is merged into the survivor (the duplicate's grain owns the merge and tells the others).</summary>
    public Task<PartnerResult> MergeAsync(Guid duplicateId, Guid survivorId, long expectedVersion, string by) =>
        grains.GetGrain<IPartnerOrganisationGrain>(duplicateId).MergeIntoAsync(survivorId, expectedVersion, by);

    /// <summary>"Maison d'Haïti — Joliette" → "maison-d-haiti-joliette".</summary>
    public static string Slug(string name)
    {
        var slug = NameFolding.Fold(name).Replace(' ', '-');
        if (slug.Length > 80) slug = slug[..80].TrimEnd('-');
        return slug.Length == 0 ? "organisme" : slug;
    }
}
