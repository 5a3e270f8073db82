namespace Collaboration.Grains.Partners;

/// <summary>
/// One partner organisation of the region (keyed by a Guid chosen by the web layer). Every committed change reaches the
/// <see cref="IPartnerDirectoryGrain"/> (the search index) and the audit log as effects of its write; the caller hears
/// success once the directory has it. <paramref name="by"/>: the organiser's email (null for demo data).
/// </summary>
[Alias("partner-organisation")]
public interface IPartnerOrganisationGrain : IGrainWithGuidKey
{
    Task<PartnerResult> CreateAsync(string slug, PartnerProfile profile, string? by = null);

    /// <summary>Replaces the profile if <paramref name="expectedVersion"/> is the current one (else Stale with the current).</summary>
    Task<PartnerResult> UpdateAsync(PartnerProfile profile, long expectedVersion, string? by = null);

    /// <summary>Interleaves: a merge reads the survivor while the survivor may be reading this one.</summary>
    [AlwaysInterleave]
    Task<PartnerOrganisationView?> GetAsync();

    /// <summary>
    /// This organisation (a duplicate) is merged into <paramref name="survivorId"/>: it leaves the directory (its address
    /// leads to the survivor), table members linked to it are linked to the survivor, and its names become the survivor's
    /// other names. <paramref name="expectedVersion"/> is this organisation's version as the organiser saw it.
    /// </summary>
    Task<PartnerResult> MergeIntoAsync(Guid survivorId, long expectedVersion, string by);

    /// <summary>The survivor's side of a merge: keeps the duplicate's names as other names, once per duplicate.</summary>
    Task AbsorbAsync(Guid duplicateId, IReadOnlyList<string> names);
}
