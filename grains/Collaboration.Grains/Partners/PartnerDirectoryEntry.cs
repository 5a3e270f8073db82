namespace Collaboration.Grains.Partners;

/// <summary>One organisation as the directory holds it: enough to list, filter, search and link it.</summary>
[GenerateSerializer, Immutable]
public sealed record PartnerDirectoryEntry(Guid Id, string Slug, long Version, PartnerProfile Profile, DateTimeOffset UpdatedAt)
{
    public static PartnerDirectoryEntry From(PartnerOrganisationView view) => new(view.Id, view.Slug, view.Version, view.Profile, view.UpdatedAt);
}
