using Collaboration.Grains.Partners;

namespace Collaboration.Web.Partners;

/// <summary>An organisation as organisers see and edit it: every field, its visibility and the version to send back.</summary>
public sealed record PartnerRecord(
    Guid Id, string Slug, long Version, bool IsPublic, IReadOnlyList<string> Aliases, DateTimeOffset UpdatedAt, PublicPartner Fields)
{
    public static PartnerRecord From(PartnerDirectoryEntry e) =>
        new(e.Id, e.Slug, e.Version, e.Profile.IsPublic, e.Profile.Aliases, e.UpdatedAt, PublicPartner.From(e));
}
