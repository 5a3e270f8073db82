using Collaboration.Grains.Runtime;
using Npgsql;
using NpgsqlTypes;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// Production storage: PostgreSQL arbitrates between nodes. A write is one statement — the
/// version-checked UPDATE (or INSERT for a new grain) and the event appends as data-modifying
/// CTEs — so it is atomic and costs one round trip.
/// </summary>
public sealed class PostgresGrainStorage(NpgsqlDataSource dataSource) : IGrainStorage
{
    private const string UpdateSql = """
        WITH written AS (
            UPDATE grain_state SET version = $3, state = $4::jsonb, updated_at = $5
            WHERE grain_id = $1 AND version = $2
            RETURNING 1),
        appended AS (
            INSERT INTO grain_events (grain_id, version, type, data, created_at)
            SELECT $1, e.version, e.type, e.data::jsonb, $5
            FROM unnest($6::bigint[], $7::text[], $8::text[]) AS e(version, type, data)
            WHERE EXISTS (SELECT 1 FROM written)
            RETURNING 1)
        SELECT (SELECT count(*) FROM written)
        """;

    private const string InsertSql = """
        WITH written AS (
            INSERT INTO grain_state (grain_id, version, state, updated_at)
            SELECT $1, $3, $4::jsonb, $5 WHERE $2 = 0
            ON CONFLICT (grain_id) DO NOTHING
            RETURNING 1),
        appended AS (
            INSERT INTO grain_events (grain_id, version, type, data, created_at)
            SELECT $1, e.version, e.type, e.data::jsonb, $5
            FROM unnest($6::bigint[], $7::text[], $8::text[]) AS e(version, type, data)
            WHERE EXISTS (SELECT 1 FROM written)
            RETURNING 1)
        SELECT (SELECT count(*) FROM written)
        """;

    public string Name => "postgres";

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        PostgresMigrations.ApplyAsync(dataSource, cancellationToken);

    public async Task<StoredState?> ReadStateAsync(GrainId id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT state::text, version FROM grain_state WHERE grain_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.ToString() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public async Task WriteStateAsync(GrainWrite write, CancellationToken cancellationToken = default)
    {
        var count = write.Events.Count;
        var versions = new long[count];
        var types = new string[count];
        var data = new string[count];
        for (var i = 0; i < count; i++)
        {
            versions[i] = write.Events[i].Version;
            types[i] = write.Events[i].Type;
            data[i] = write.Events[i].Data;
        }

        await using var command = dataSource.CreateCommand(write.ExpectedVersion == 0 ? InsertSql : UpdateSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.GrainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = write.ExpectedVersion });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = write.NewVersion });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = write.StateJson });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = write.WrittenAt });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = versions });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data });
        var written = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (written == 0) throw new StorageConflictException(write.GrainId, write.ExpectedVersion);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(GrainId id, long afterVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT version, type, data::text, created_at FROM grain_events
            WHERE grain_id = $1 AND version > $2 ORDER BY version LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id.ToString() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterVersion });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new StoredEvent(id, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return events;
    }

    public async Task<IReadOnlyDictionary<GrainId, long>> ReadVersionsAsync(IReadOnlyCollection<GrainId> ids, CancellationToken cancellationToken = default)
    {
        var versions = new Dictionary<GrainId, long>();
        await using var command = dataSource.CreateCommand("SELECT grain_id, version FROM grain_state WHERE grain_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ids.Select(i => i.ToString()).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            versions[GrainId.Parse(reader.GetString(0))] = reader.GetInt64(1);
        return versions;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM grain_state LIMIT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
