using System.Net;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using Npgsql;
using static Collaboration.Web.Tests.Meetings.MeetingDocumentsKit;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Documents on PostgreSQL with two nodes: stored in the database (not a node's disk or memory), so either node serves them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingDocumentsPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Document_AttachedOnNodeA_IsDownloadedOnNodeB_ByteForByte_AndLivesInTheDatabase()
    {
        // Arrange
        var database = await postgres.Cluster.CreateDatabaseAsync("documents");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        var organiserA = await nodeA.CreateOrganiserClientAsync();
        var tableId = await CreateTableAsync(organiserA);
        var (_, token) = await AddMemberAsync(organiserA, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(organiserA, tableId);
        var itemId = await AddAgendaItemAsync(organiserA, meetingId, "Plan d'action");
        var bytes = Pdf(1_000_000);

        // Act
        var documentId = await AttachedIdAsync(UploadAsync(organiserA, meetingId, itemId, "plan.pdf", bytes));
        var memberB = await MemberClientAsync(nodeB, token);
        var download = await memberB.GetAsync($"/api/meetings/{meetingId}/documents/{documentId}").WaitAsync(CallTimeout);

        // Assert: the same bytes through the other node; in the database, in chunks that add up to the file.
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var command = dataSource.CreateCommand("SELECT count(*), sum(length(data)) FROM meeting_document_chunks WHERE document_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = documentId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(4, reader.GetInt64(0)); // 256 kB chunks
        Assert.Equal(bytes.Length, reader.GetInt64(1));
    }
}
