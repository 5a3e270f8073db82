using Collaboration.Grains.Runtime;

namespace Collaboration.Grains.Tables;

public sealed class TableDirectoryGrain : Grain<TableDirectoryState>, ITableDirectoryGrain
{
    public async Task AddAsync(Guid tableId, string name)
    {
        if (State.Tables.Any(t => t.Id == tableId)) return;
        State.Tables.Add(new TableEntry(tableId, name));
        await WriteStateAsync();
    }

    public Task<IReadOnlyList<TableEntry>> ListAsync() => Task.FromResult<IReadOnlyList<TableEntry>>([.. State.Tables]);
}
