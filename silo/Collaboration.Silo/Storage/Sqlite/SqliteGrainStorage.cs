using Collaboration.Grains.Runtime;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. One node only; writes are serialised in
/// process (SQLite has a single writer anyway) and each is one transaction.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private static readonly (int Version, string Name, string Sql)[] Migrations =
    [
        (1, "grain state and event log", """
            CREATE TABLE grain_state (
                grain_id   TEXT    NOT NULL PRIMARY KEY,
                version    INTEGER NOT NULL,
                state      TEXT    NOT NULL,
                updated_at TEXT    NOT NULL
            );
            CREATE TABLE grain_events (
                grain_id   TEXT    NOT NULL,
                version    INTEGER NOT NULL,
                type       TEXT    NOT NULL,
                data       TEXT    NOT NULL,
                created_at TEXT    NOT NULL,
                PRIMARY KEY (grain_id, version)
            ) WITHOUT ROWID;
            """),
    ];

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteGrainStorage(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30; // also how long a busy database is waited for
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string Name => "sqlite";

    public string DataSource { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
                """, cancellationToken);
            foreach (var (version, name, sql) in Migrations)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $v";
                check.Parameters.AddWithValue("$v", version);
                if ((long)(await check.ExecuteScalarAsync(cancellationToken))! > 0) continue;

                await ExecuteAsync(connection, sql, cancellationToken, transaction);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $at)";
                record.Parameters.AddWithValue("$v", version);
                record.Parameters.AddWithValue("$n", name);
                record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<StoredState?> ReadStateAsync(GrainId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, version FROM grain_state WHERE grain_id = $id";
        command.Parameters.AddWithValue("$id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public async Task WriteStateAsync(GrainWrite write, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var state = connection.CreateCommand())
            {
                state.Transaction = transaction;
                state.CommandText = write.ExpectedVersion == 0
                    ? """
                      INSERT INTO grain_state (grain_id, version, state, updated_at) VALUES ($id, $new, $state, $at)
                      ON CONFLICT (grain_id) DO NOTHING
                      """
                    : """
                      UPDATE grain_state SET version = $new, state = $state, updated_at = $at
                      WHERE grain_id = $id AND version = $expected
                      """;
                state.Parameters.AddWithValue("$id", write.GrainId.ToString());
                state.Parameters.AddWithValue("$new", write.NewVersion);
                state.Parameters.AddWithValue("$expected", write.ExpectedVersion);
                state.Parameters.AddWithValue("$state", write.StateJson);
                state.Parameters.AddWithValue("$at", write.WrittenAt.ToString("O"));
                if (await state.ExecuteNonQueryAsync(cancellationToken) == 0)
                    throw new StorageConflictException(write.GrainId, write.ExpectedVersion);
            }

            if (write.Events.Count > 0)
            {
                await using var append = connection.CreateCommand();
                append.Transaction = transaction;
                append.CommandText = """
                    INSERT INTO grain_events (grain_id, version, type, data, created_at) VALUES ($id, $v, $type, $data, $at)
                    """;
                var id = append.Parameters.AddWithValue("$id", write.GrainId.ToString());
                var v = append.Parameters.Add("$v", SqliteType.Integer);
                var type = append.Parameters.Add("$type", SqliteType.Text);
                var data = append.Parameters.Add("$data", SqliteType.Text);
                var at = append.Parameters.Add("$at", SqliteType.Text);
                foreach (var e in write.Events)
                {
                    v.Value = e.Version;
                    type.Value = e.Type;
                    data.Value = e.Data;
                    at.Value = e.CreatedAt.ToString("O");
                    await append.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(GrainId id, long afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, type, data, created_at FROM grain_events
            WHERE grain_id = $id AND version > $after ORDER BY version LIMIT $max
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        command.Parameters.AddWithValue("$after", afterVersion);
        command.Parameters.AddWithValue("$max", maxCount);
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new StoredEvent(id, reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        return events;
    }

    public async Task<IReadOnlyDictionary<GrainId, long>> ReadVersionsAsync(IReadOnlyCollection<GrainId> ids, CancellationToken cancellationToken = default)
    {
        var versions = new Dictionary<GrainId, long>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "$p" + i;
                command.Parameters.AddWithValue(names[i], chunk[i].ToString());
            }
            command.CommandText = $"SELECT grain_id, version FROM grain_state WHERE grain_id IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                versions[GrainId.Parse(reader.GetString(0))] = reader.GetInt64(1);
        }
        return versions;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT 1 FROM grain_state LIMIT 1", cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
