namespace Collaboration.Grains.Partners;

[GenerateSerializer]
public sealed class PartnerDirectoryState
{
    [Id(0)] public Dictionary<Guid, PartnerDirectoryEntry> Entries { get; set; } = [];
    [Id(1)] public Dictionary<string, Guid> Slugs { get; set; } = [];
}
