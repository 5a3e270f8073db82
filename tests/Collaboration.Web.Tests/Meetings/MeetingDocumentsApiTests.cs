using System.Net;
using System.Net.Http.Json;
using Collaboration.Web.Meetings;
using Collaboration.Web.Tests.Colloque;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingDocumentsKit;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>
/// Documents on agenda items, on the SQLite file: they round-trip byte for byte; members of the table download them and
/// nobody else does, by the link either; a revoked member or a removed document loses access at once; a file too large,
/// of another type, or whose name says another type is refused with a French and English problem.
/// </summary>
public sealed class MeetingDocumentsApiTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;

    public async Task InitializeAsync() => _organiser = await _app.CreateOrganiserClientAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Room(Guid TableId, Guid MeetingId, Guid ItemId, Guid MemberId, HttpClient Member);

    private async Task<Room> RoomAsync(string presenter = "")
    {
        var tableId = await CreateTableAsync(_organiser, "Table de Joliette");
        var (memberId, token) = await AddMemberAsync(_organiser, tableId, "Amina Diallo");
        var meetingId = await CreateMeetingAsync(_organiser, tableId);
        var itemId = (await _organiser.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda",
            new { title = "Plan d'action", presenter, plannedMinutes = 10, notes = "" }).OkJsonAsync()).GetProperty("current").GetProperty("id").GetGuid();
        return new Room(tableId, meetingId, itemId, memberId, await MemberClientAsync(_app, token));
    }

    private static string Link(Room room, Guid documentId) => $"/api/meetings/{room.MeetingId}/documents/{documentId}";

    [Fact]
    public async Task Document_AttachedByTheOrganiser_IsDownloadedByAMember_ByteForByte_AsAnAttachment()
    {
        // Arrange: 600 kB, three chunks of the store.
        var room = await RoomAsync();
        var bytes = Pdf(600_000);

        // Act
        var documentId = await AttachedIdAsync(UploadAsync(_organiser, room.MeetingId, room.ItemId, "Plan d'action 2027 (version révisée).pdf", bytes));
        var download = await room.Member.GetAsync(Link(room, documentId)).WaitAsync(CallTimeout);

        // Assert: the same bytes, served as what their signature showed, never displayed inline or sniffed.
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Plan d'action 2027 (version révisée).pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var listed = Assert.Single((await GetMeetingAsync(room.Member, room.MeetingId)).GetProperty("documents").EnumerateArray());
        Assert.Equal(room.ItemId, listed.GetProperty("agendaItemId").GetGuid());
        Assert.Equal(bytes.Length, listed.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Document_IsRefused_ToAnotherTablesMember_AnEmployer_ADesk_AndAnAnonymousVisitor_ByItsLinkToo()
    {
        // Arrange: a document, and four strangers who hold its link.
        var room = await RoomAsync();
        var documentId = await AttachedIdAsync(UploadAsync(_organiser, room.MeetingId, room.ItemId, "budget.pdf", Pdf(2_000)));
        var otherTable = await CreateTableAsync(_organiser, "Table de Terrebonne");
        var (_, otherToken) = await AddMemberAsync(_organiser, otherTable, "Membre d'une autre table");
        var otherMember = await MemberClientAsync(_app, otherToken);
        var colloque = await ColloqueKit.CreateColloqueAsync(_organiser);
        var desk = await ColloqueKit.PairedDeskAsync(_app, _organiser, colloque, "Accueil");
        var employer = _app.CreateClient();
        employer.DefaultRequestHeaders.Add("X-Manage-Token", await EmployerTokenAsync());
        var anonymous = _app.CreateClient();

        // Act & Assert: the download, the upload and the removal are refused to each, and nothing reveals the file.
        foreach (var (who, client) in new[] { ("other table's member", otherMember), ("desk", desk), ("employer", employer), ("anonymous", anonymous) })
        {
            var download = await client.GetAsync(Link(room, documentId)).WaitAsync(CallTimeout);
            Assert.True(download.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{who}: {download.StatusCode}");
            Assert.DoesNotContain("%PDF", await download.Content.ReadAsStringAsync());
            var upload = await UploadAsync(client, room.MeetingId, room.ItemId, "intrus.pdf", Pdf(100)).WaitAsync(CallTimeout);
            Assert.True(upload.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{who} upload: {upload.StatusCode}");
            var remove = await client.DeleteAsync(Link(room, documentId)).WaitAsync(CallTimeout);
            Assert.True(remove.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"{who} remove: {remove.StatusCode}");
        }
        Assert.Single((await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task RevokedMember_LosesAccess_AtOnce()
    {
        var room = await RoomAsync();
        var documentId = await AttachedIdAsync(UploadAsync(_organiser, room.MeetingId, room.ItemId, "budget.pdf", Pdf(2_000)));
        Assert.Equal(HttpStatusCode.OK, (await room.Member.GetAsync(Link(room, documentId))).StatusCode);

        (await _organiser.PostAsync($"/api/tables/{room.TableId}/members/{room.MemberId}/revoke", null)).EnsureSuccessStatusCode();

        // Their session ends with the revocation: signed out, or refused, but never the file.
        var after = await room.Member.GetAsync(Link(room, documentId)).WaitAsync(CallTimeout);
        Assert.True(after.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, after.StatusCode.ToString());
    }

    [Fact]
    public async Task RemovedDocument_AndTheDocumentsOfARemovedItem_AreGone_FromTheMeetingAndTheDatabase()
    {
        // Arrange
        var room = await RoomAsync();
        var removed = await AttachedIdAsync(UploadAsync(_organiser, room.MeetingId, room.ItemId, "a.pdf", Pdf(1_000)));
        var withItem = await AttachedIdAsync(UploadAsync(_organiser, room.MeetingId, room.ItemId, "b.png", Png()));
        var store = _app.Services.GetRequiredService<IMeetingDocumentStore>();

        // Act
        (await _organiser.DeleteAsync(Link(room, removed)).WaitAsync(CallTimeout)).EnsureSuccessStatusCode();
        var item = (await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("agenda")[0];
        (await _organiser.DeleteAsync($"/api/meetings/{room.MeetingId}/agenda/{room.ItemId}?expectedVersion={item.GetProperty("version").GetInt64()}")).EnsureSuccessStatusCode();

        // Assert: neither link serves anything, and no byte of either is left in the database.
        foreach (var id in new[] { removed, withItem })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await room.Member.GetAsync(Link(room, id)).WaitAsync(CallTimeout)).StatusCode);
            Assert.False(await store.CopyToAsync(room.MeetingId, id, () => Stream.Null));
        }
        Assert.Empty((await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task OversizedFile_IsRefused_InFrenchAndEnglish_WhetherOrNotItSaysItsLength()
    {
        var room = await RoomAsync();
        var bytes = Pdf((int)Grains.Meetings.MeetingGrain.MaxDocumentBytes + 1);

        var declared = await UploadAsync(_organiser, room.MeetingId, room.ItemId, "gros.pdf", bytes).WaitAsync(CallTimeout);
        // Chunked: the length is only known by counting.
        var chunked = new StreamContent(new MemoryStream(bytes));
        var undeclared = await UploadAsync(_organiser, room.MeetingId, room.ItemId, "gros.pdf", new NoLengthContent(chunked)).WaitAsync(CallTimeout);

        foreach (var response in new[] { declared, undeclared })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var (code, fr, en) = await ProblemAsync(response);
            Assert.Equal("document-too-large", code);
            Assert.Contains("20 Mo", fr);
            Assert.Contains("20 MB", en);
        }
        Assert.Empty((await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task MislabelledOrUnknownFile_IsRefused_InFrenchAndEnglish_AndAWordDocumentIsKnownByItsContent()
    {
        var room = await RoomAsync();

        var pngCalledPdf = await UploadAsync(_organiser, room.MeetingId, room.ItemId, "rapport.pdf", Png()).WaitAsync(CallTimeout);
        var program = await UploadAsync(_organiser, room.MeetingId, room.ItemId, "rapport.pdf", [.. "MZ\u0090\0"u8, .. new byte[100]]).WaitAsync(CallTimeout);
        var plainZip = await UploadAsync(_organiser, room.MeetingId, room.ItemId, "rapport.docx", Docx(word: false)).WaitAsync(CallTimeout);
        var word = await UploadAsync(_organiser, room.MeetingId, room.ItemId, "rapport.docx", Docx()).OkJsonAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pngCalledPdf.StatusCode);
        var (code, fr, en) = await ProblemAsync(pngCalledPdf);
        Assert.Equal("document-mislabelled", code);
        Assert.Contains("PNG", fr);
        Assert.Contains("does not match its name", en);
        foreach (var refused in new[] { program, plainZip })
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
            Assert.Equal("document-type", (await ProblemAsync(refused)).Code);
        }
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", word.GetProperty("contentType").GetString());
        Assert.Single((await GetMeetingAsync(_organiser, room.MeetingId)).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task ItemsPresenter_MayAttach_AndRemoveTheirOwn_AnotherMemberMayNot()
    {
        var room = await RoomAsync(presenter: "Amina Diallo");
        var (_, otherToken) = await AddMemberAsync(_organiser, room.TableId, "Bruno Gagnon");
        var other = await MemberClientAsync(_app, otherToken);

        var attached = await AttachedIdAsync(UploadAsync(room.Member, room.MeetingId, room.ItemId, "présentation.pdf", Pdf(500)));
        var refused = await UploadAsync(other, room.MeetingId, room.ItemId, "autre.pdf", Pdf(500)).WaitAsync(CallTimeout);
        var notTheirs = await other.DeleteAsync(Link(room, attached)).WaitAsync(CallTimeout);
        var theirs = await room.Member.DeleteAsync(Link(room, attached)).WaitAsync(CallTimeout);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }

    private async Task<string> EmployerTokenAsync()
    {
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var workshop = (await _organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 10,
        }).OkJsonAsync()).GetProperty("id").GetGuid();
        var registration = await _app.CreateClient().PostAsJsonAsync($"/api/workshops/{workshop}/registrations", new
        {
            organisation = "Entreprise", contactName = "Employeuse", email = "employeuse@exemple.qc.ca", seats = 1, sector = "Commerce", consent = true,
        }).OkJsonAsync();
        return registration.GetProperty("manageToken").GetString()!;
    }

    /// <summary>Sends its inner content without a Content-Length (chunked), as a browser stream or a proxy might.</summary>
    private sealed class NoLengthContent(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
