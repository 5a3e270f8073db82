using Collaboration.Silo.Storage.Postgres;
using Collaboration.Testing;
using Npgsql;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The conformance tests on Orleans' stock <c>AdoNetGrainStorage</c> (invariant Npgsql) over our schema and query
/// texts, each test on a fresh database of the shared throw-away PostgreSQL cluster.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOrleansStorageConformanceTests(PostgresFixture postgres) : PostgresStorageConformanceTests(postgres, "storage")
{
    protected override Task<StorageSiloServices> StartStorageAsync() =>
        StorageSiloServices.StartAsync(ServiceId, StorageName, silo => silo.AddAdoNetGrainStorage(StorageName, o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = ConnectionString;
        }));

    /// <summary>
    /// Pins a limit of the stock provider (dotnet/orleans#8746, #9737, #9706): it keys state by the state name and the
    /// grain key only, not the grain type (so two grain classes with the same key and the same state name, e.g.
    /// "state", share one row), and it takes string keys that parse as hexadecimal or as a GUID for integer or GUID
    /// keys ("cafe" and "CAFE", "20235" and "020235" are one grain to it). Our SQL cannot tell them apart: the
    /// provider never sends the grain type. When this test fails, Orleans has fixed the provider.
    /// </summary>
    [Fact]
    public async Task StockAdoNetStorage_SharesOneRow_BetweenGrainTypesWithTheSameKeyAndStateName()
    {
        var storage = await NewStorageAsync();
        var colloque = GrainId.Create("colloque", "2026-lanaudiere");
        var directory = GrainId.Create("colloque-directory", "2026-lanaudiere");
        await WriteAsync(storage, StateName, colloque, New(ConformanceState.Of("colloque", 1)));

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(storage, StateName, directory, New(ConformanceState.Of("directory", 2))));
        var read = await ReadAsync(storage, StateName, directory);

        Assert.NotNull(refused);
        Assert.True(ConformanceState.Of("colloque", 1).SameAs(read.State), $"read back {read.State}");
    }

    /// <summary>Every key the three ADO.NET providers look up in <c>OrleansQuery</c> is there.</summary>
    [Fact]
    public async Task Schema_StoresEveryQueryTheAdoNetProvidersRead()
    {
        string[] required =
        [
            "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "InsertMembershipKey",
            "UpdateMembershipKey", "UpdateIAmAlivetimeKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
            "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];

        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT QueryKey, QueryText FROM OrleansQuery");
        var stored = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync().WaitAsync(Timeout))
        {
            while (await reader.ReadAsync())
                stored[reader.GetString(0)] = reader.GetString(1);
        }

        Assert.Empty(required.Except(stored.Keys));
        Assert.All(PostgresSchema.Queries, query => Assert.Equal(query.Value, stored[query.Key]));
    }

    /// <summary>A database the home-made host migrated (its migrations 1 and 2 in the same table) takes ours and keeps its history.</summary>
    [Fact]
    public async Task Schema_OnADatabaseOfTheHomeMadeHost_KeepsItsHistoryAndAppliesOurs()
    {
        var legacy = await Postgres.CreateDatabaseAsync("legacy");
        try
        {
            await using (var dataSource = NpgsqlDataSource.Create(legacy))
            await using (var setup = dataSource.CreateCommand("""
                CREATE TABLE schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
                INSERT INTO schema_migrations (version, name) VALUES
                    (1, 'grain state and event log'),
                    (2, 'shared data protection key ring (auth cookies valid on every web node)');
                CREATE TABLE data_protection_keys (name text NOT NULL PRIMARY KEY, xml text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
                INSERT INTO data_protection_keys (name, xml) VALUES ('key-1', '<key/>');
                """))
            {
                await setup.ExecuteNonQueryAsync().WaitAsync(Timeout);
            }

            await PostgresSchema.ApplyAsync(legacy).WaitAsync(Timeout);

            await using var check = NpgsqlDataSource.Create(legacy);
            await using var versions = check.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
            var recorded = new List<(int, string)>();
            await using (var reader = await versions.ExecuteReaderAsync().WaitAsync(Timeout))
            {
                while (await reader.ReadAsync())
                    recorded.Add((reader.GetInt32(0), reader.GetString(1)));
            }
            await using var keys = check.CreateCommand("SELECT count(*) FROM data_protection_keys");

            Assert.Equal([-2, -1, .. PostgresSchema.Migrations.Select(m => m.Version)], recorded.Select(r => r.Item1));
            Assert.Equal(PostgresSchema.Migrations.Select(m => m.Name), recorded.Where(r => r.Item1 > 0).Select(r => r.Item2));
            Assert.Equal(1L, await keys.ExecuteScalarAsync());
        }
        finally
        {
            await using (var connection = new NpgsqlConnection(legacy))
                NpgsqlConnection.ClearPool(connection);
            await Postgres.Cluster.DropDatabaseAsync(legacy);
        }
    }
}
