using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in one SQLite file (WAL): one row per (state name, grain id) with an integer version,
/// which is the ETag, and the payload the given <see cref="IGrainStorageSerializer"/> produced.
/// </summary>
/// <remarks>
/// <para>
/// Orleans passes the <em>state name</em> (from <c>[PersistentState("name")]</c>) as the first argument of every
/// call; the grain id carries the grain type. A write with a null ETag inserts version 1 and is refused when a row
/// exists; a write with ETag <c>n</c> updates only a row still at version <c>n</c>. Refusals throw
/// <see cref="InconsistentStateException"/> and change nothing. Clear deletes the row, after the same check, and
/// leaves the ETag null so that the next write starts again at version 1.
/// </para>
/// <para>
/// Every call opens a pooled connection; a busy database (another writer in the WAL) is waited for by SQLite's
/// busy handler (<c>busy_timeout</c>) up to the command timeout, so concurrent writers in one process queue
/// instead of failing. <c>synchronous=FULL</c>: a write is on disk before the call returns.
/// </para>
/// </remarks>
public sealed class SqliteOrleansStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const int SchemaVersion = 1;
    private const int BusyTimeoutMilliseconds = 30_000;

    private readonly string _name;
    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider? _activatorProvider;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;

    /// <param name="name">The storage provider's name (as in <c>[PersistentState("state", name)]</c>).</param>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=concertation.db</c>.</param>
    /// <param name="serializer">Turns grain state into the stored payload and back.</param>
    /// <param name="activatorProvider">Creates an empty state for a missing or cleared grain (Orleans' own activators); when null, the state's parameterless constructor.</param>
    public SqliteOrleansStorage(string name, string connectionString, IGrainStorageSerializer serializer, IActivatorProvider? activatorProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(serializer);
        _name = name;
        _serializer = serializer;
        _activatorProvider = activatorProvider;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < BusyTimeoutMilliseconds / 1000)
            builder.DefaultTimeout = BusyTimeoutMilliseconds / 1000;
        _connectionString = builder.ConnectionString;
    }

    /// <summary>The provider's name.</summary>
    public string Name => _name;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteOrleansStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    /// <summary>Creates the file's folder, the table and WAL mode if missing; idempotent, also run on first use.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (_initialized)
            return;
        await _initializeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
                return;

            var dataSource = new SqliteConnectionStringBuilder(_connectionString).DataSource;
            if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
                && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } folder)
                Directory.CreateDirectory(folder);

            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var wal = connection.CreateCommand())
            {
                // Persistent in the file; returns the mode in force.
                wal.CommandText = "PRAGMA journal_mode = WAL";
                await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            // BEGIN IMMEDIATE: two processes creating the schema at once queue on the write lock.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var schema = connection.CreateCommand())
            {
                schema.Transaction = transaction;
                schema.CommandText = """
                    CREATE TABLE IF NOT EXISTS orleans_storage_schema (
                        version    INTEGER NOT NULL PRIMARY KEY,
                        name       TEXT    NOT NULL,
                        applied_at TEXT    NOT NULL
                    );

                    CREATE TABLE IF NOT EXISTS orleans_grain_state (
                        state_name TEXT    NOT NULL,
                        grain_id   TEXT    NOT NULL,
                        version    INTEGER NOT NULL,
                        payload    BLOB    NOT NULL,
                        updated_at TEXT    NOT NULL,
                        PRIMARY KEY (state_name, grain_id)
                    ) WITHOUT ROWID;

                    INSERT INTO orleans_storage_schema (version, name, applied_at)
                    VALUES ($version, 'orleans grain state', $now)
                    ON CONFLICT (version) DO NOTHING;
                    """;
                schema.Parameters.AddWithValue("$version", SchemaVersion);
                schema.Parameters.AddWithValue("$now", Now());
                await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, payload FROM orleans_grain_state WHERE state_name = $state AND grain_id = $grain";
        AddKey(command, stateName, grainId);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var version = reader.GetInt64(0);
            var payload = (byte[])reader.GetValue(1);
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = CreateEmpty<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var expected = ParseETag(stateName, grainId, grainState.ETag, "write");
        var payload = _serializer.Serialize(grainState.State).ToArray();

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = expected is null
            ? """
              INSERT INTO orleans_grain_state (state_name, grain_id, version, payload, updated_at)
              VALUES ($state, $grain, 1, $payload, $now)
              ON CONFLICT (state_name, grain_id) DO NOTHING
              """
            : """
              UPDATE orleans_grain_state
              SET version = version + 1, payload = $payload, updated_at = $now
              WHERE state_name = $state AND grain_id = $grain AND version = $expected
              """;
        AddKey(command, stateName, grainId);
        command.Parameters.Add("$payload", SqliteType.Blob).Value = payload;
        command.Parameters.AddWithValue("$now", Now());
        if (expected is { } version)
            command.Parameters.AddWithValue("$expected", version);

        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            throw Conflict(stateName, grainId, grainState.ETag, "write");

        grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var expected = ParseETag(stateName, grainId, grainState.ETag, "clear");

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        AddKey(command, stateName, grainId);
        if (expected is { } version)
        {
            command.CommandText = "DELETE FROM orleans_grain_state WHERE state_name = $state AND grain_id = $grain AND version = $expected";
            command.Parameters.AddWithValue("$expected", version);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                throw Conflict(stateName, grainId, grainState.ETag, "clear");
        }
        else
        {
            // No ETag: the grain believes there is no row. Nothing to clear if so; a row written meanwhile by someone
            // else is not ours to delete.
            command.CommandText = "SELECT EXISTS (SELECT 1 FROM orleans_grain_state WHERE state_name = $state AND grain_id = $grain)";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0)
                throw Conflict(stateName, grainId, grainState.ETag, "clear");
        }

        grainState.State = CreateEmpty<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // Per connection: wait on a busy database with SQLite's own back-off; commit to disk before returning.
            pragmas.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
    }

    private long? ParseETag(string stateName, GrainId grainId, string? etag, string operation)
    {
        if (string.IsNullOrEmpty(etag))
            return null;
        return long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw Conflict(stateName, grainId, etag, operation);
    }

    private InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag, string operation) =>
        new($"Version conflict ({operation}): provider {_name}, state '{stateName}' of grain {grainId}, ETag '{etag ?? "(none)"}' is not the stored version.");

    private T CreateEmpty<T>() =>
        _activatorProvider is { } activators ? activators.GetActivator<T>().Create() : Activator.CreateInstance<T>();

    private static string Now() => DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
