namespace Collaboration.Web.Meetings;

/// <summary>
/// The bytes of the documents attached to agenda items, in the product's database (PostgreSQL, or the SQLite file),
/// so that a backup of the database holds them. Chunked: a document goes in and comes out
/// <see cref="ChunkBytes"/> at a time. It grants nothing: the meeting's grain lists the documents, and the endpoints
/// serve only what that list holds (<see cref="MeetingsApi"/>).
/// </summary>
public interface IMeetingDocumentStore
{
    const int ChunkBytes = 256 * 1024;

    /// <summary>Creates the tables when missing (PostgreSQL's come with the schema migrations).</summary>
    Task EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a document's bytes, read from <paramref name="content"/> (from its start), in one transaction.</summary>
    Task SaveAsync(Guid meetingId, Guid documentId, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the document's bytes, chunk by chunk, to the stream <paramref name="open"/> gives once the first chunk is
    /// found; false (and <paramref name="open"/> never called) when this meeting has no such document.
    /// </summary>
    Task<bool> CopyToAsync(Guid meetingId, Guid documentId, Func<Stream> open, CancellationToken cancellationToken = default);

    Task DeleteAsync(Guid meetingId, Guid documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the meeting's documents stored before <paramref name="before"/> that the meeting no longer lists
    /// (removed, their agenda item removed, or a node that died between storing and listing). Idempotent.
    /// </summary>
    Task SweepAsync(Guid meetingId, IReadOnlyCollection<Guid> listed, DateTimeOffset before, CancellationToken cancellationToken = default);
}
