namespace Collaboration.Grains.Tables;

[GenerateSerializer]
public sealed class TableDirectoryState
{
    [Id(0)] public List<TableEntry> Tables { get; set; } = [];
}
