using Npgsql;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// Versioned schema migrations, applied at start-up under an advisory lock so that two nodes
/// starting together apply each migration exactly once.
/// </summary>
public static class PostgresMigrations
{
    private const long LockKey = 0x436F6E6365727401; // "Concert" + 1

    private static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "grain state and event log", """
            CREATE TABLE grain_state (
                grain_id   text        NOT NULL PRIMARY KEY,
                version    bigint      NOT NULL,
                state      jsonb       NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE TABLE grain_events (
                grain_id   text        NOT NULL,
                version    bigint      NOT NULL,
                type       text        NOT NULL,
                data       jsonb       NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (grain_id, version)
            );
            """),
        (2, "shared data protection key ring (auth cookies valid on every web node)", """
            CREATE TABLE data_protection_keys (
                name       text        NOT NULL PRIMARY KEY,
                xml        text        NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """),
    ];

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));

        foreach (var (version, name, sql) in Migrations)
        {
            if (applied.Contains(version)) continue;
            await ExecuteAsync(connection, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
