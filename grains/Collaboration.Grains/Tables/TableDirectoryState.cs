namespace Collaboration.Grains.Tables;

public sealed class TableDirectoryState
{
    public List<TableEntry> Tables { get; set; } = [];
}
