using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Collaboration.Web.Meetings;

/// <summary>The document store in PostgreSQL (tables of schema migration 4, <c>meeting_documents</c> and its chunks).</summary>
public sealed class PostgresMeetingDocumentStore(NpgsqlDataSource dataSource, TimeProvider clock) : IMeetingDocumentStore
{
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task SaveAsync(Guid meetingId, Guid documentId, Stream content, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var document = new NpgsqlCommand("INSERT INTO meeting_documents (id, meeting_id, size, created_at) VALUES ($1, $2, $3, $4)", connection, transaction))
        {
            document.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
            document.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = meetingId });
            document.Parameters.Add(new NpgsqlParameter<long> { TypedValue = content.Length });
            document.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            await document.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var chunk = new NpgsqlCommand("INSERT INTO meeting_document_chunks (document_id, seq, data) VALUES ($1, $2, $3)", connection, transaction);
        var id = new NpgsqlParameter<Guid> { TypedValue = documentId };
        var seq = new NpgsqlParameter<int>();
        var data = new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea };
        chunk.Parameters.Add(id);
        chunk.Parameters.Add(seq);
        chunk.Parameters.Add(data);
        var buffer = new byte[IMeetingDocumentStore.ChunkBytes];
        content.Position = 0;
        for (var n = 0; ; n++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0) break;
            seq.TypedValue = n;
            data.Value = new ReadOnlyMemory<byte>(buffer, 0, read);
            data.Size = read;
            await chunk.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> CopyToAsync(Guid meetingId, Guid documentId, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.data FROM meeting_document_chunks c JOIN meeting_documents d ON d.id = c.document_id
            WHERE d.id = $1 AND d.meeting_id = $2 ORDER BY c.seq
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = meetingId });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        Stream? destination = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            destination ??= open();
            await using var chunk = await reader.GetStreamAsync(0, cancellationToken);
            await chunk.CopyToAsync(destination, cancellationToken);
        }
        return destination is not null;
    }

    public async Task DeleteAsync(Guid meetingId, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM meeting_documents WHERE id = $1 AND meeting_id = $2");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = meetingId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SweepAsync(Guid meetingId, IReadOnlyCollection<Guid> listed, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM meeting_documents WHERE meeting_id = $1 AND created_at < $2 AND NOT (id = ANY($3))");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = meetingId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. listed] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
