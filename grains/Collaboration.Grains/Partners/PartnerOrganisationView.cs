namespace Collaboration.Grains.Partners;

[GenerateSerializer, Immutable]
public sealed record PartnerOrganisationView(Guid Id, string Slug, PartnerProfile Profile, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Guid? MergedInto = null);
