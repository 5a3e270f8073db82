using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Workshops;

[GenerateSerializer]
public sealed class WorkshopCatalogState
{
    [Id(0)] public List<Guid> Sessions { get; set; } = [];
}
