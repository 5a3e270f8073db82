using Collaboration.Silo.Tests.TestGrains;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Tests;

/// <summary>One storage (a SQLite file or a PostgreSQL database) that any number of hosts can be started on.</summary>
public abstract class StorageBackend : IAsyncDisposable
{
    /// <summary>The test grains, and the gates some of them wait on.</summary>
    public static readonly SiloTestSetup Setup = new([typeof(CounterGrain).Assembly], services => services.AddSingleton<TestGates>());

    public Task<SiloTestHost> StartHostAsync(params (string Key, string? Value)[] settings) => StartHostAsync(Setup, settings);

    public abstract Task<SiloTestHost> StartHostAsync(SiloTestSetup setup, params (string Key, string? Value)[] settings);

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteBackend : StorageBackend
{
    private readonly TempSqliteFile _file = new();

    public override Task<SiloTestHost> StartHostAsync(SiloTestSetup setup, params (string Key, string? Value)[] settings) =>
        SiloTestHost.StartSqliteAsync(_file.Path, setup, settings);

    public override ValueTask DisposeAsync()
    {
        _file.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresBackend(string connectionString) : StorageBackend
{
    public string ConnectionString { get; } = connectionString;

    public static async Task<PostgresBackend> CreateAsync(PostgresCluster cluster) =>
        new(await cluster.CreateDatabaseAsync("silo"));

    public override Task<SiloTestHost> StartHostAsync(SiloTestSetup setup, params (string Key, string? Value)[] settings) =>
        SiloTestHost.StartPostgresAsync(ConnectionString, setup, settings);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
