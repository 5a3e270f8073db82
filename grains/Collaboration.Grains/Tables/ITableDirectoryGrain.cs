
namespace Collaboration.Grains.Tables;

/// <summary>The list of tables (one directory, key "default"), so an organiser can find them all.</summary>
[Alias("table-directory")]
public interface ITableDirectoryGrain : IGrainWithStringKey
{
    Task AddAsync(Guid tableId, string name);

    Task<IReadOnlyList<TableEntry>> ListAsync();
}
