namespace Collaboration.Grains.Colloque;

[GenerateSerializer]
public sealed class DirectoryState
{
    [Id(0)] public Dictionary<string, DirectoryEntry> Entries { get; set; } = [];
}
