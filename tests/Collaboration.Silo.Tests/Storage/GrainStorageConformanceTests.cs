using Collaboration.Grains.Runtime;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Postgres;
using Collaboration.Silo.Storage.Sqlite;
using Collaboration.Testing;
using Npgsql;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>What every storage provider must do, run against each of them.</summary>
public abstract class GrainStorageConformanceTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly GrainId Id = new("test", "a");

    protected abstract Task<IGrainStorage> CreateStorageAsync();

    private static GrainWrite Write(long expected, string json, params string[] eventData)
    {
        var events = eventData.Select((d, i) => new StoredEvent(Id, expected + i + 1, "Changed", d, At)).ToList();
        return new GrainWrite(Id, expected, expected + Math.Max(1, events.Count), json, events, At);
    }

    [Fact]
    public async Task Initialize_IsIdempotent()
    {
        var storage = await CreateStorageAsync();
        await storage.InitializeAsync();
        await storage.InitializeAsync();
        Assert.Null(await storage.ReadStateAsync(Id));
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsStateAndVersion()
    {
        var storage = await CreateStorageAsync();

        await storage.WriteStateAsync(Write(0, """{"n":1}""", """{"x":1}""", """{"x":2}"""));

        var state = await storage.ReadStateAsync(Id);
        Assert.Equal(2, state!.Version);
        Assert.Equal("""{"n":1}""", state.Json.Replace(" ", ""));
    }

    [Fact]
    public async Task Write_WithoutEvents_AdvancesVersionByOne()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(Write(0, """{"n":1}"""));
        await storage.WriteStateAsync(Write(1, """{"n":2}"""));
        Assert.Equal(2, (await storage.ReadStateAsync(Id))!.Version);
        Assert.Empty(await storage.ReadEventsAsync(Id, 0, 10));
    }

    [Fact]
    public async Task Write_WithStaleVersion_IsRefused_AndChangesNothing()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(Write(0, """{"n":1}""", """{"x":1}"""));

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteStateAsync(Write(0, """{"n":99}""", """{"x":99}""")));
        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteStateAsync(Write(5, """{"n":99}""", """{"x":99}""")));

        var state = await storage.ReadStateAsync(Id);
        Assert.Equal(1, state!.Version);
        Assert.Equal("""{"n":1}""", state.Json.Replace(" ", ""));
        Assert.Single(await storage.ReadEventsAsync(Id, 0, 10));
    }

    [Fact]
    public async Task ConcurrentWriters_OnTheSameVersion_ExactlyOneWins()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(Write(0, """{"n":0}"""));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await storage.WriteStateAsync(Write(1, $$"""{"n":{{i}}}""", $$"""{"by":{{i}}}"""));
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        }));

        Assert.Single(attempts, won => won);
        Assert.Single(await storage.ReadEventsAsync(Id, 0, 10));
    }

    [Fact]
    public async Task ReadEvents_ReturnsThoseAfterTheVersion_InOrder_UpToTheLimit()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(Write(0, "{}", """{"i":1}""", """{"i":2}""", """{"i":3}"""));
        await storage.WriteStateAsync(Write(3, "{}", """{"i":4}""", """{"i":5}"""));

        var events = await storage.ReadEventsAsync(Id, 2, 2);

        Assert.Equal([3L, 4], events.Select(e => e.Version));
        Assert.Equal(["""{"i":3}""", """{"i":4}"""], events.Select(e => e.Data.Replace(" ", "")));
        Assert.Equal(At, events[0].CreatedAt);
    }

    [Fact]
    public async Task ReadVersions_ReturnsOnlyGrainsThatExist()
    {
        var storage = await CreateStorageAsync();
        await storage.WriteStateAsync(Write(0, "{}", "{}", "{}"));

        var versions = await storage.ReadVersionsAsync([Id, new GrainId("test", "missing")]);

        Assert.Equal(new Dictionary<GrainId, long> { [Id] = 2 }, versions);
    }

    [Fact]
    public async Task TextWithAccentsAndQuotes_RoundTripsExactly()
    {
        var storage = await CreateStorageAsync();
        const string json = """{"name":"Hélène L'Écuyer-Tremblay \"Québec\" 🍁"}""";
        await storage.WriteStateAsync(Write(0, json, json));
        Assert.Equal(json, (await storage.ReadStateAsync(Id))!.Json.Replace("\": \"", "\":\""));
        Assert.Contains("Hélène L'Écuyer-Tremblay", (await storage.ReadEventsAsync(Id, 0, 1))[0].Data);
    }
}

public sealed class SqliteGrainStorageTests : GrainStorageConformanceTests, IDisposable
{
    private readonly TempSqliteFile _file = new();

    protected override async Task<IGrainStorage> CreateStorageAsync()
    {
        var storage = new SqliteGrainStorage($"Data Source={_file.Path}");
        await storage.InitializeAsync();
        return storage;
    }

    [Fact]
    public async Task Database_IsInWalMode()
    {
        await CreateStorageAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    public void Dispose() => _file.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresFixture postgres) : GrainStorageConformanceTests
{
    protected override async Task<IGrainStorage> CreateStorageAsync()
    {
        var storage = new PostgresGrainStorage(NpgsqlDataSource.Create(await postgres.Cluster.CreateDatabaseAsync("conf")));
        await storage.InitializeAsync();
        return storage;
    }

    [Fact]
    public async Task Migrations_RunTogetherFromManyNodes_ApplyOnce()
    {
        var connectionString = await postgres.Cluster.CreateDatabaseAsync("migrate");
        var nodes = Enumerable.Range(0, 8).Select(_ => new PostgresGrainStorage(NpgsqlDataSource.Create(connectionString)));

        await Task.WhenAll(nodes.Select(n => n.InitializeAsync()));

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // one row per migration, each applied once
    }
}
