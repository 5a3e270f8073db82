using Collaboration.Silo.Storage.Postgres;
using Collaboration.Testing;
using Npgsql;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>The conformance tests on a fresh database of the shared throw-away PostgreSQL cluster, with our schema.</summary>
public abstract class PostgresStorageConformanceTests(PostgresFixture postgres, string databasePrefix) : OrleansStorageConformanceTests
{
    protected PostgresFixture Postgres => postgres;

    protected string ConnectionString { get; private set; } = "";

    protected override async Task CreateDatabaseAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync(databasePrefix);
        await PostgresSchema.ApplyAsync(ConnectionString);
    }

    protected override async Task DropDatabaseAsync()
    {
        if (ConnectionString.Length == 0)
            return;
        await using (var connection = new NpgsqlConnection(ConnectionString))
            NpgsqlConnection.ClearPool(connection);
        await postgres.Cluster.DropDatabaseAsync(ConnectionString);
    }

    protected override Task ApplySchemaAsync() => PostgresSchema.ApplyAsync(ConnectionString);

    protected override async Task<int> CountAppliedMigrationsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
