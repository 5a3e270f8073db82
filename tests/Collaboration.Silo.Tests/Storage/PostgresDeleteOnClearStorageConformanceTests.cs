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
public sealed class PostgresDeleteOnClearStorageConformanceTests(PostgresFixture postgres) : OrleansStorageConformanceTests
{
    private string _connectionString = "";

    protected override async Task CreateDatabaseAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync("storage_delete");
        await PostgresSchema.ApplyAsync(_connectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_connectionString.Length == 0)
            return;
        await using (var connection = new NpgsqlConnection(_connectionString))
            NpgsqlConnection.ClearPool(connection);
        await postgres.Cluster.DropDatabaseAsync(_connectionString);
    }

    protected override Task<StorageSiloServices> StartStorageAsync() =>
        StorageSiloServices.StartAsync(ServiceId, StorageName, silo => silo.AddAdoNetGrainStorage(StorageName, o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = _connectionString;
            o.DeleteStateOnClear = true;
        }));

    protected override Task ApplySchemaAsync() => PostgresSchema.ApplyAsync(_connectionString);

    protected override async Task<int> CountAppliedMigrationsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Clear_DeletesTheRow()
    {
        var storage = await NewStorageAsync();
        var state = New(ConformanceState.Of("to delete", 1));
        await WriteAsync(storage, StateName, GrainId.Create("meeting", "m-1"), state);

        await ClearAsync(storage, StateName, GrainId.Create("meeting", "m-1"), state);
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orleans_grain_state");

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0L, await command.ExecuteScalarAsync().WaitAsync(Timeout));
    }
}
