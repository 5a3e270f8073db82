using Collaboration.Grains.Live;

namespace Collaboration.Grains.Partners;

[GenerateSerializer]
public sealed class PartnerDirectoryState : ILiveState
{
    [Id(0)] public Dictionary<Guid, PartnerDirectoryEntry> Entries { get; set; } = [];
    [Id(1)] public Dictionary<string, Guid> Slugs { get; set; } = [];
    /// <summary>The public topic "partners:default": one event per change of an organisation.</summary>
    [Id(2)] public LiveLog Live { get; set; } = new();
}
