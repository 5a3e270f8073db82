using Collaboration.Silo.Health;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>The conformance tests on <see cref="SqliteOrleansStorage"/>, a real file in a temp folder (WAL).</summary>
public sealed class SqliteOrleansStorageConformanceTests : OrleansStorageConformanceTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("concertation-orleans-sqlite-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "grains.db")}";

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
        return Task.CompletedTask;
    }

    protected override Task<StorageSiloServices> StartStorageAsync() =>
        StorageSiloServices.StartAsync(ServiceId, StorageName, silo => silo.AddSqliteGrainStorage(StorageName, ConnectionString));

    protected override Task ApplySchemaAsync() =>
        new SqliteOrleansStorage(StorageName, ConnectionString, new NoSerializer()).InitializeAsync();

    protected override async Task<int> CountAppliedMigrationsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM orleans_storage_schema";
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    [Fact]
    public Task EveryGrainIdentity_KeepsItsOwnState() => AssertEveryGrainIdentityKeepsItsOwnStateAsync();

    [Fact]
    public async Task Database_IsInWalMode_AfterTheStorageStarts()
    {
        await using var services = await StartStorageAsync().WaitAsync(Timeout);

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task HealthCheck_Answers_WhenTheDatabaseIsReachable()
    {
        var probe = new SqliteStorageProbe(ConnectionString);

        await probe.ProbeAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    [Fact]
    public async Task HealthCheck_Throws_WhenTheDatabaseCannotBeOpened()
    {
        var probe = new SqliteStorageProbe($"Data Source={Path.Combine(_folder, "missing", "grains.db")};Mode=ReadOnly");

        await Assert.ThrowsAsync<SqliteException>(() => probe.ProbeAsync(CancellationToken.None).WaitAsync(Timeout));
    }

    [Fact]
    public async Task DefaultStorageName_ServesGrainsThatNameNoStorage()
    {
        await using var services = await StorageSiloServices.StartAsync(ServiceId, Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            silo => silo.AddSqliteGrainStorageAsDefault(ConnectionString));

        var unnamed = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGrainStorage>(services.Services);

        Assert.Same(services.Storage, unnamed);
        Assert.IsType<SqliteOrleansStorage>(unnamed);
    }

    /// <summary>For schema-only instances, which never serialize.</summary>
    private sealed class NoSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => throw new NotSupportedException();

        public T Deserialize<T>(BinaryData input) => throw new NotSupportedException();
    }
}
