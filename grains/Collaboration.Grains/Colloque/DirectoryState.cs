namespace Collaboration.Grains.Colloque;

public sealed class DirectoryState
{
    public Dictionary<string, DirectoryEntry> Entries { get; set; } = [];
}
