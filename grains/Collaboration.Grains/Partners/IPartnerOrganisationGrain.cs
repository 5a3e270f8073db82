namespace Collaboration.Grains.Partners;

/// <summary>
/// One partner organisation of the region (keyed by a Guid chosen by the web layer). Every committed
/// change is then put in the <see cref="IPartnerDirectoryGrain"/>, the search index, before the
/// caller hears success; the directory keeps the newest version it was given, so a retry is harmless.
/// </summary>
[Alias("partner-organisation")]
public interface IPartnerOrganisationGrain : IGrainWithGuidKey
{
    Task<PartnerResult> CreateAsync(string slug, PartnerProfile profile);

    /// <summary>Replaces the profile if <paramref name="expectedVersion"/> is the current one (else Stale with the current).</summary>
    Task<PartnerResult> UpdateAsync(PartnerProfile profile, long expectedVersion);

    Task<PartnerOrganisationView?> GetAsync();
}
