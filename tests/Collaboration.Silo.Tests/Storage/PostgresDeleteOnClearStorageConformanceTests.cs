using Collaboration.Silo.Storage.Postgres;
using Collaboration.Testing;
using Npgsql;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The conformance tests on the stock <c>AdoNetGrainStorage</c> with <c>DeleteStateOnClear</c> on: clearing runs our
/// <c>DeleteStorageKey</c> query (the row goes) instead of leaving a tombstone.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDeleteOnClearStorageConformanceTests(PostgresFixture postgres) : PostgresStorageConformanceTests(postgres, "storage_delete")
{
    protected override Task<StorageSiloServices> StartStorageAsync() =>
        StorageSiloServices.StartAsync(ServiceId, StorageName, silo => silo.AddAdoNetGrainStorage(StorageName, o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = ConnectionString;
            o.DeleteStateOnClear = true;
        }));

    [Fact]
    public async Task Clear_DeletesTheRow()
    {
        var storage = await NewStorageAsync();
        var state = New(ConformanceState.Of("to delete", 1));
        await WriteAsync(storage, StateName, GrainId.Create("meeting", "m-1"), state);

        await ClearAsync(storage, StateName, GrainId.Create("meeting", "m-1"), state);
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_grain_state");

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0L, await command.ExecuteScalarAsync().WaitAsync(Timeout));
    }
}
