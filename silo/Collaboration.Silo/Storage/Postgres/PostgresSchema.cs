using Npgsql;
using NpgsqlTypes;

namespace Collaboration.Silo.Storage.Postgres;

/// <summary>
/// Our PostgreSQL schema for Orleans' ADO.NET providers (clustering, grain persistence, reminders) and the
/// query texts they read from <c>OrleansQuery</c> at start. The packages ship no scripts: every table and
/// query here is ours, written against the providers' contract (parameter names, result columns, the
/// version checks) of Microsoft.Orleans.*.AdoNet 10.4.2.
/// </summary>
/// <remarks>
/// <para>
/// Migrations are versioned and applied in one transaction under a transaction-scoped advisory lock, so
/// nodes starting together serialize: the first applies what is missing, the others find it recorded in
/// <c>schema_migrations</c> and do nothing. Every statement is also idempotent (<c>IF NOT EXISTS</c>,
/// upserts), so a half-managed database converges too.
/// </para>
/// <para>
/// Types the providers rely on: every version, port, generation, status and hash is <c>integer</c> (int4:
/// the providers read them with <c>GetInt32</c>/<c>Convert.ToInt32</c> and send them as <c>int</c>); grain
/// id halves are <c>bigint</c>; the reminder period is <c>bigint</c> (read with <c>GetInt64</c>, sent as int
/// or long); dates are <c>timestamptz</c> (the providers send UTC <see cref="DateTime"/>s and expect them back).
/// </para>
/// <para>
/// The stale-write rule: the persistence provider throws <c>InconsistentStateException</c> when the version
/// a query returns equals the one it sent or is NULL. It does <em>not</em> throw when the query returns no row
/// at all (it would then silently take a NULL ETag), so the write, clear and delete queries always return
/// exactly one row, whose version is NULL when the version check refused the change.
/// </para>
/// </remarks>
public static class PostgresSchema
{
    /// <summary>The advisory lock taken while migrating (the same key the home-made host used, so the two never interleave).</summary>
    public const long AdvisoryLockKey = 0x436F6E6365727401;

    /// <summary>Names of migrations recorded by the home-made host, which used the same <c>schema_migrations</c> table.</summary>
    private static readonly string[] LegacyMigrationNames =
    [
        "grain state and event log",
        "shared data protection key ring (auth cookies valid on every web node)",
    ];

    private const string GrainKey = """
            grain_id_hash = @GrainIdHash
            AND grain_type_hash = @GrainTypeHash
            AND service_id = @ServiceId
            AND grain_id_n0 = @GrainIdN0
            AND grain_id_n1 = @GrainIdN1
            AND grain_type = @GrainTypeString
            AND grain_id_ext = COALESCE(@GrainIdExtensionString, '')
        """;

    private const string MemberColumns = """
            v.deployment_id AS "DeploymentId",
            m.address       AS "Address",
            m.port          AS "Port",
            m.generation    AS "Generation",
            m.silo_name     AS "SiloName",
            m.host_name     AS "HostName",
            m.status        AS "Status",
            m.proxy_port    AS "ProxyPort",
            m.suspect_times AS "SuspectTimes",
            m.start_time    AS "StartTime",
            m.iamalive_time AS "IAmAliveTime",
            v.version       AS "Version"
        """;

    private const string ReminderColumns = """
            grain_id      AS "GrainId",
            reminder_name AS "ReminderName",
            start_time    AS "StartTime",
            period        AS "Period",
            version       AS "Version"
        """;

    /// <summary>Every query text we store in <c>OrleansQuery</c>, by key.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>
    {
        // ---- Clustering (Microsoft.Orleans.Clustering.AdoNet) ----

        // @DeploymentId, @Status (3 = Active) -> Address, ProxyPort, Generation.
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,

        // The version row always comes back; the member columns are NULL when the silo is unknown
        // (the provider takes a NULL StartTime for "no member").
        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m
                ON m.deployment_id = v.deployment_id
                AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
            """,

        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
            """,

        // One column, > 0 when the version row was created now.
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
                ON CONFLICT (deployment_id) DO NOTHING
                RETURNING 1)
            SELECT count(*)::integer AS "Inserted" FROM created
            """,

        // Bump the table version only if it is still @Version and the silo is not there yet, then add the
        // silo; the version row's lock serializes every membership writer. One boolean column.
        ["InsertMembershipKey"] = """
            WITH bumped AS (
                UPDATE orleans_membership_version
                SET version = version + 1, updated_at = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                    AND NOT EXISTS (
                        SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId
                            AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            added AS (
                INSERT INTO orleans_membership
                    (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                     start_time, iamalive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                     @StartTime, @IAmAliveTime
                FROM bumped
                ON CONFLICT DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM added) AS "Inserted"
            """,

        // Same version check for a change of status / suspicions. One boolean column.
        ["UpdateMembershipKey"] = """
            WITH bumped AS (
                UPDATE orleans_membership_version
                SET version = version + 1, updated_at = now()
                WHERE deployment_id = @DeploymentId AND version = @Version
                    AND EXISTS (
                        SELECT 1 FROM orleans_membership
                        WHERE deployment_id = @DeploymentId
                            AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING deployment_id),
            changed AS (
                UPDATE orleans_membership m
                SET status = @Status, suspect_times = @SuspectTimes, iamalive_time = @IAmAliveTime
                FROM bumped
                WHERE m.deployment_id = bumped.deployment_id
                    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM changed) AS "Updated"
            """,

        // Heartbeats do not bump the table version (by the providers' design).
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE orleans_membership
            SET iamalive_time = @IAmAliveTime
            WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
            """,

        // Members go with their version row (ON DELETE CASCADE).
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
            """,

        // Silos that are not active and have not been alive since @IAmAliveTime.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND iamalive_time < @IAmAliveTime AND status <> 3
            """,

        // ---- Grain persistence (Microsoft.Orleans.Persistence.AdoNet) ----

        // 0 or 1 row. A cleared grain keeps a row with a NULL payload: the provider reports RecordExists=false
        // with that row's version as the ETag, so the next write continues the version sequence.
        ["ReadFromStorageKey"] = $"""
            SELECT payload AS "PayloadBinary", version AS "Version"
            FROM orleans_grain_state
            WHERE {GrainKey}
            """,

        // ONE version-checked statement. @GrainStateVersion NULL: insert version 1, refused when any row
        // exists (even a cleared one). Otherwise: update only when the stored version matches. Not an
        // INSERT .. ON CONFLICT DO UPDATE, because that would re-create a deleted row for a stale ETag.
        // Always one row; NewGrainStateVersion is NULL when refused.
        ["WriteToStorageKey"] = $"""
            WITH updated AS (
                UPDATE orleans_grain_state
                SET payload = @PayloadBinary, version = version + 1, updated_at = now()
                WHERE {GrainKey}
                    AND version = @GrainStateVersion
                RETURNING version),
            inserted AS (
                INSERT INTO orleans_grain_state
                    (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type, grain_id_ext,
                     version, payload)
                SELECT @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainIdN0, @GrainIdN1, @GrainTypeString,
                     COALESCE(@GrainIdExtensionString, ''), 1, @PayloadBinary
                WHERE @GrainStateVersion IS NULL
                ON CONFLICT ON CONSTRAINT orleans_grain_state_pkey DO NOTHING
                RETURNING version)
            SELECT COALESCE((SELECT version FROM updated), (SELECT version FROM inserted)) AS "NewGrainStateVersion"
            """,

        // Clear keeps a tombstone (NULL payload) and bumps the version. Always one row, NULL when refused.
        ["ClearStorageKey"] = $"""
            WITH cleared AS (
                UPDATE orleans_grain_state
                SET payload = NULL, version = version + 1, updated_at = now()
                WHERE {GrainKey}
                    AND version = @GrainStateVersion
                RETURNING version)
            SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion"
            """,

        // With DeleteStateOnClear the row goes (the provider then sets the ETag to null, so the next write
        // starts again at version 1). Always one row, NULL when refused.
        ["DeleteStorageKey"] = $"""
            WITH deleted AS (
                DELETE FROM orleans_grain_state
                WHERE {GrainKey}
                    AND version = @GrainStateVersion
                RETURNING version)
            SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion"
            """,

        // ---- Reminders (Microsoft.Orleans.Reminders.AdoNet) ----

        // -> Version (the new ETag).
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminders AS r
                (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
            SET start_time = EXCLUDED.start_time, period = EXCLUDED.period, grain_hash = EXCLUDED.grain_hash,
                version = r.version + 1
            RETURNING version AS "Version"
            """,

        ["ReadReminderRowsKey"] = $"""
            SELECT {ReminderColumns}
            FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId
            """,

        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns}
            FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
            """,

        // The provider picks this one when (int)@BeginHash < (int)@EndHash: the range does not wrap.
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns}
            FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
            """,

        // ... and this one when it wraps around.
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns}
            FROM orleans_reminders
            WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
            """,

        // One boolean column: deleted only if the ETag matches.
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM orleans_reminders
                WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
                    AND version = @Version
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted"
            """,

        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminders WHERE service_id = @ServiceId
            """,
    };

    private static readonly Migration[] All =
    [
        new(1, "orleans: query texts, membership, grain state, reminders", """
            CREATE TABLE IF NOT EXISTS OrleansQuery (
                QueryKey  varchar(64) PRIMARY KEY,
                QueryText text        NOT NULL
            );

            CREATE TABLE IF NOT EXISTS orleans_membership_version (
                deployment_id text        PRIMARY KEY,
                version       integer     NOT NULL DEFAULT 0,
                updated_at    timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE IF NOT EXISTS orleans_membership (
                deployment_id text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
                address       text        NOT NULL,
                port          integer     NOT NULL,
                generation    integer     NOT NULL,
                silo_name     text        NOT NULL,
                host_name     text        NOT NULL,
                status        integer     NOT NULL,
                proxy_port    integer     NOT NULL,
                suspect_times text,
                start_time    timestamptz NOT NULL,
                iamalive_time timestamptz NOT NULL,
                PRIMARY KEY (deployment_id, address, port, generation)
            );

            -- The hashes lead the key (narrow, selective); the full id and type strings follow, so two grains
            -- whose hashes collide still get their own rows. grain_id_ext is '' when the grain has no string part.
            -- fillfactor leaves room on each page for HOT updates (the key never changes, the payload does).
            CREATE TABLE IF NOT EXISTS orleans_grain_state (
                grain_id_hash   integer     NOT NULL,
                grain_type_hash integer     NOT NULL,
                service_id      text        NOT NULL,
                grain_id_n0     bigint      NOT NULL,
                grain_id_n1     bigint      NOT NULL,
                grain_type      text        NOT NULL,
                grain_id_ext    text        NOT NULL DEFAULT '',
                version         integer     NOT NULL,
                payload         bytea,
                updated_at      timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT orleans_grain_state_pkey PRIMARY KEY
                    (grain_id_hash, grain_type_hash, service_id, grain_id_n0, grain_id_n1, grain_type, grain_id_ext)
            ) WITH (fillfactor = 80);

            CREATE TABLE IF NOT EXISTS orleans_reminders (
                service_id    text        NOT NULL,
                grain_id      text        NOT NULL,
                reminder_name text        NOT NULL,
                start_time    timestamptz NOT NULL,
                period        bigint      NOT NULL,
                grain_hash    integer     NOT NULL,
                version       integer     NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            );

            CREATE INDEX IF NOT EXISTS orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);
            """, Queries),

        // Kept from the home-made host: the web nodes share their ASP.NET Core data protection keys here.
        new(2, "shared data protection key ring", """
            CREATE TABLE IF NOT EXISTS data_protection_keys (
                name       text        NOT NULL PRIMARY KEY,
                xml        text        NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """, null),

        // The hot aggregates (a colloque's signups, its directory) rewrite states of a few hundred kB many times a
        // second during a registration burst; PostgreSQL's default pglz compression of those values cost more CPU
        // than everything else in the database. LZ4 is several times cheaper. A server built without LZ4 keeps pglz.
        new(3, "grain state payload compressed with lz4", """
            DO $$
            BEGIN
                ALTER TABLE orleans_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
            EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
                RAISE NOTICE 'lz4 is not available: grain state payloads keep the default compression';
            END
            $$;
            """, null),

        // Documents attached to meeting agenda items: in the database, so that a backup holds them, in chunks of at most
        // 256 kB (a download streams them one by one; no file is ever held whole in memory). The meeting's grain state
        // lists the documents and so grants access; a row it no longer lists is swept.
        new(4, "meeting documents", """
            CREATE TABLE IF NOT EXISTS meeting_documents (
                id         uuid        PRIMARY KEY,
                meeting_id uuid        NOT NULL,
                size       bigint      NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE INDEX IF NOT EXISTS meeting_documents_by_meeting ON meeting_documents (meeting_id);

            CREATE TABLE IF NOT EXISTS meeting_document_chunks (
                document_id uuid    NOT NULL REFERENCES meeting_documents (id) ON DELETE CASCADE,
                seq         integer NOT NULL,
                data        bytea   NOT NULL,
                PRIMARY KEY (document_id, seq)
            );

            -- Document bytes are already compressed (PDF, images, office zips): storing them as they are costs no CPU.
            ALTER TABLE meeting_document_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
            """, null),
    ];

    /// <summary>The migrations this build knows, in order (version and name, as recorded in <c>schema_migrations</c>).</summary>
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } = [.. All.Select(m => (m.Version, m.Name))];

    /// <summary>Applies the missing migrations to the database named by <paramref name="connectionString"/>.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await ApplyAsync(dataSource, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the missing migrations in one transaction under <c>pg_advisory_xact_lock</c>; safe to call from several
    /// nodes at once and on every start (a no-op when the schema is current).
    /// </summary>
    /// <exception cref="InvalidOperationException">The database records a migration of the same version under another name.</exception>
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AdvisoryLockKey });
            await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    integer     NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, ct).ConfigureAwait(false);

        // The home-made host numbered its own migrations 1 and 2 in this table: keep them as history (negative
        // versions) so that ours apply. Its tables are left alone.
        await using (var legacy = new NpgsqlCommand(
            "UPDATE schema_migrations SET version = -version WHERE version > 0 AND name = ANY($1)", connection, transaction))
        {
            legacy.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = LegacyMigrationNames });
            await legacy.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var applied = new Dictionary<int, string>();
        await using (var read = new NpgsqlCommand("SELECT version, name FROM schema_migrations WHERE version > 0", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        foreach (var migration in All)
        {
            if (applied.TryGetValue(migration.Version, out var recordedName))
            {
                if (recordedName != migration.Name)
                    throw new InvalidOperationException(
                        $"schema_migrations records version {migration.Version} as '{recordedName}', but this build's " +
                        $"migration {migration.Version} is '{migration.Name}': the database was migrated by another schema.");
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, ct).ConfigureAwait(false);
            if (migration.Queries is { } queries)
                await UpsertQueriesAsync(connection, transaction, queries, ct).ConfigureAwait(false);

            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task UpsertQueriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyDictionary<string, string> queries, CancellationToken ct)
    {
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO OrleansQuery (QueryKey, QueryText)
            SELECT * FROM unnest($1, $2)
            ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText
            """, connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. queries.Keys], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
        upsert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. queries.Values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await upsert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private sealed record Migration(int Version, string Name, string Sql, IReadOnlyDictionary<string, string>? Queries);
}
