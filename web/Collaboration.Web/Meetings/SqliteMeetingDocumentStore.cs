using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Collaboration.Web.Meetings;

/// <summary>
/// The document store in the SQLite file the grains live in (<c>ConnectionStrings:Sqlite</c>), so that the online
/// backup copies the documents with everything else. Writes take the file's write lock for one short transaction
/// (the upload is already spooled to a temporary file, so a slow sender never holds it).
/// </summary>
public sealed class SqliteMeetingDocumentStore : IMeetingDocumentStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public SqliteMeetingDocumentStore(string connectionString, TimeProvider clock)
    {
        // As the grain storage: wait for another writer (busy_timeout) rather than fail.
        _connectionString = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString();
        _clock = clock;
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_created) return;
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (_created) return;
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS meeting_documents (
                    id         TEXT    NOT NULL PRIMARY KEY,
                    meeting_id TEXT    NOT NULL,
                    size       INTEGER NOT NULL,
                    created_at TEXT    NOT NULL
                );
                CREATE INDEX IF NOT EXISTS meeting_documents_by_meeting ON meeting_documents (meeting_id);
                CREATE TABLE IF NOT EXISTS meeting_document_chunks (
                    document_id TEXT    NOT NULL,
                    seq         INTEGER NOT NULL,
                    data        BLOB    NOT NULL,
                    PRIMARY KEY (document_id, seq)
                ) WITHOUT ROWID;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _created = true;
        }
        finally
        {
            _createLock.Release();
        }
    }

    public async Task SaveAsync(Guid meetingId, Guid documentId, Stream content, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var document = connection.CreateCommand())
        {
            document.Transaction = transaction;
            document.CommandText = "INSERT INTO meeting_documents (id, meeting_id, size, created_at) VALUES ($id, $meeting, $size, $at)";
            document.Parameters.AddWithValue("$id", Key(documentId));
            document.Parameters.AddWithValue("$meeting", Key(meetingId));
            document.Parameters.AddWithValue("$size", content.Length);
            document.Parameters.AddWithValue("$at", Stamp(_clock.GetUtcNow()));
            await document.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var chunk = connection.CreateCommand();
        chunk.Transaction = transaction;
        chunk.CommandText = "INSERT INTO meeting_document_chunks (document_id, seq, data) VALUES ($id, $seq, $data)";
        chunk.Parameters.AddWithValue("$id", Key(documentId));
        var seq = chunk.Parameters.Add("$seq", SqliteType.Integer);
        var data = chunk.Parameters.Add("$data", SqliteType.Blob);
        var buffer = new byte[IMeetingDocumentStore.ChunkBytes];
        content.Position = 0;
        for (var n = 0; ; n++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0) break;
            seq.Value = n;
            data.Value = read == buffer.Length ? buffer : buffer[..read];
            await chunk.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CopyToAsync(Guid meetingId, Guid documentId, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.data FROM meeting_document_chunks c JOIN meeting_documents d ON d.id = c.document_id
            WHERE d.id = $id AND d.meeting_id = $meeting ORDER BY c.seq
            """;
        command.Parameters.AddWithValue("$id", Key(documentId));
        command.Parameters.AddWithValue("$meeting", Key(meetingId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Stream? destination = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            destination ??= open();
            await using var chunk = reader.GetStream(0);
            await chunk.CopyToAsync(destination, cancellationToken);
        }
        return destination is not null;
    }

    public async Task DeleteAsync(Guid meetingId, Guid documentId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM meeting_document_chunks WHERE document_id IN (SELECT id FROM meeting_documents WHERE id = $id AND meeting_id = $meeting);
            DELETE FROM meeting_documents WHERE id = $id AND meeting_id = $meeting;
            """;
        command.Parameters.AddWithValue("$id", Key(documentId));
        command.Parameters.AddWithValue("$meeting", Key(meetingId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SweepAsync(Guid meetingId, IReadOnlyCollection<Guid> listed, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken);
        var stale = new List<Guid>();
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id FROM meeting_documents WHERE meeting_id = $meeting AND created_at < $before";
            command.Parameters.AddWithValue("$meeting", Key(meetingId));
            command.Parameters.AddWithValue("$before", Stamp(before));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                if (Guid.TryParseExact(reader.GetString(0), "N", out var id) && !listed.Contains(id)) stale.Add(id);
        }
        foreach (var id in stale) await DeleteAsync(meetingId, id, cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static string Key(Guid id) => id.ToString("N");

    /// <summary>Sortable text (UTC, fixed width), so that <c>created_at &lt; $before</c> compares as time.</summary>
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
