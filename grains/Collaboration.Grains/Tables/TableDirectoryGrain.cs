using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Tables;

[GrainType("table-directory")]
public sealed class TableDirectoryGrain(
    [PersistentState("table-directory", StorageNames.Grains)] IPersistentState<TableDirectoryState> state, TimeProvider clock)
    : DurableGrain<TableDirectoryState>(state, clock), ITableDirectoryGrain
{
    public async Task AddAsync(Guid tableId, string name)
    {
        if (State.Tables.Any(t => t.Id == tableId)) return;
        State.Tables.Add(new TableEntry(tableId, name));
        await WriteStateAsync();
    }

    public Task<IReadOnlyList<TableEntry>> ListAsync() => Task.FromResult<IReadOnlyList<TableEntry>>([.. State.Tables]);
}
