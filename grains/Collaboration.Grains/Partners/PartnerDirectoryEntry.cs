namespace Collaboration.Grains.Partners;

/// <summary>
/// One organisation as the directory holds it: enough to list, filter, search and link it. <see cref="MergedInto"/>:
/// merged into another, so no longer listed (its slug leads to that one).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PartnerDirectoryEntry(Guid Id, string Slug, long Version, PartnerProfile Profile, DateTimeOffset UpdatedAt, Guid? MergedInto = null)
{
    public static PartnerDirectoryEntry From(PartnerOrganisationView view) =>
        new(view.Id, view.Slug, view.Version, view.Profile, view.UpdatedAt, view.MergedInto);
}
