using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class ColloqueIndexState
{
    [Id(0)] public List<ColloqueSummary> Colloques { get; set; } = [];
}
