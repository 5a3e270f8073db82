namespace Collaboration.Grains.Partners;

[GenerateSerializer]
public sealed class PartnerOrganisationState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Slug { get; set; } = "";
    [Id(2)] public PartnerProfile? Profile { get; set; }
    [Id(3)] public long Version { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
}
