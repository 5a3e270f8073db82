using System.Security.Claims;
using Collaboration.Grains.Meetings;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Web.Meetings;

/// <summary>
/// Documents on agenda items. The chair (organiser, secretary) or the item's presenter attaches one as the raw request
/// body (<c>?name=</c> gives its file name), streamed to a temporary file, its type read from its bytes
/// (<see cref="DocumentSignature"/>), then stored in the database and listed by the meeting. Whoever may read the
/// meeting downloads it — checked at each download against the table (a revoked member's cookie no longer reads it)
/// and against the meeting's list (a removed document, or an erased meeting, serves nothing) — never anyone else,
/// whatever link they hold.
/// </summary>
public static partial class MeetingsApi
{
    private const int SpoolBufferBytes = 64 * 1024;

    /// <summary>Bytes stored and not listed yet are left alone this long (an upload between its two steps), then swept.</summary>
    private static readonly TimeSpan UnlistedGrace = TimeSpan.FromMinutes(10);

    private static void MapDocuments(RouteGroupBuilder meetings)
    {
        // Attaching and removing are checked further in the handler: against the item's presenter, the document's uploader.
        meetings.MapPost("/{id:guid}/agenda/{itemId:guid}/documents", AttachDocumentAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapGet("/{id:guid}/documents/{documentId:guid}", DownloadDocumentAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapDelete("/{id:guid}/documents/{documentId:guid}", RemoveDocumentAsync).RequiresOnMeeting(MeetingAction.Read);
    }

    private static async Task<Results<Created<AgendaDocument>, ProblemHttpResult>> AttachDocumentAsync(
        Guid id, Guid itemId, string? name, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains,
        IMeetingDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        if (fileName.Length == 0 || fileName.Length > MeetingGrain.MaxDocumentNameLength || TextInput.HasControl(fileName, allowLines: false))
            return Problems.Invalid("name", new($"Donnez le nom du fichier ({MeetingGrain.MaxDocumentNameLength} caractères au plus).",
                $"Give the file's name ({MeetingGrain.MaxDocumentNameLength} characters at most)."));
        if (request.ContentLength > MeetingGrain.MaxDocumentBytes) return DocumentTooLarge();

        var (_, access) = MeetingAccess.Of(request.HttpContext);
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        var item = meeting.Agenda.FirstOrDefault(i => i.Id == itemId);
        if (!MeetingsPermissions.Allows(access, MeetingAction.ShareDocument, item is null ? null : PresenterOf(meeting, item))) return Problems.Forbidden();
        if (item is null) return ProblemOf(Outcome(new MeetingResult(MeetingOutcome.UnknownItem, meeting.Version)));
        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled) return ProblemOf(Outcome(new MeetingResult(MeetingOutcome.ReadOnly, meeting.Version)));
        if (DocumentBytes(meeting) + (request.ContentLength ?? 0) > MeetingGrain.MaxMeetingDocumentBytes) return DocumentsFull();

        // Spooled to disk, never held whole in memory; the limit is counted as it comes, whatever Content-Length said.
        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"concertation-{Guid.NewGuid():N}.upload"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, SpoolBufferBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[SpoolBufferBytes];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (spool.Length + read > MeetingGrain.MaxDocumentBytes) return DocumentTooLarge();
            await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (spool.Length == 0) return Problems.Invalid("file", new("Le fichier est vide.", "The file is empty."));
        var verdict = DocumentSignature.Check(spool, fileName);
        if (verdict.Format is not { } format) return WrongDocumentType(verdict, fileName);

        var documentId = Guid.NewGuid();
        await store.SaveAsync(id, documentId, spool, cancellationToken);
        var uploader = meeting.Members.FirstOrDefault(m => m.Id == access.MemberId)?.Name ?? user.FindFirstValue(ClaimTypes.Name) ?? "";
        var document = new AgendaDocument(documentId, itemId, fileName, format.ContentType, spool.Length, uploader, access.MemberId, default);
        var result = await grains.GetGrain<IMeetingGrain>(id).AttachDocumentAsync(document);
        if (!result.Applied)
        {
            await store.DeleteAsync(id, documentId, CancellationToken.None);
            return result.Outcome == MeetingOutcome.DocumentsFull ? DocumentsFull() : ProblemOf(Outcome(result));
        }
        await SweepDocumentsAsync(id, grains, store, clock);
        var attached = (AgendaDocument)result.Current!;
        return TypedResults.Created($"/api/meetings/{id}/documents/{documentId}", attached);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> DownloadDocumentAsync(
        Guid id, Guid documentId, HttpContext http, IGrainFactory grains, IMeetingDocumentStore store, CancellationToken cancellationToken)
    {
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        if (meeting.Documents?.FirstOrDefault(d => d.Id == documentId) is not { } document) return DocumentNotFound();
        var found = await store.CopyToAsync(id, documentId, () =>
        {
            var response = http.Response;
            response.ContentType = document.ContentType;
            response.ContentLength = document.Size;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(document.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "private, no-store";
            return response.Body;
        }, cancellationToken);
        return found ? TypedResults.Empty : DocumentNotFound();
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> RemoveDocumentAsync(
        Guid id, Guid documentId, HttpContext http, IGrainFactory grains, IMeetingDocumentStore store)
    {
        var (_, access) = MeetingAccess.Of(http);
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        var document = meeting.Documents?.FirstOrDefault(d => d.Id == documentId);
        if (!MeetingsPermissions.Allows(access, MeetingAction.ShareDocument, document?.UploadedByMemberId)) return Problems.Forbidden();
        if (document is null) return DocumentNotFound();
        var result = await grains.GetGrain<IMeetingGrain>(id).RemoveDocumentAsync(documentId);
        if (result.Applied) await store.DeleteAsync(id, documentId, CancellationToken.None);
        return Outcome(result);
    }

    /// <summary>Deletes the bytes of documents the meeting no longer lists (see <see cref="IMeetingDocumentStore.SweepAsync"/>).</summary>
    private static async Task SweepDocumentsAsync(Guid id, IGrainFactory grains, IMeetingDocumentStore store, TimeProvider clock)
    {
        var meeting = await grains.GetGrain<IMeetingGrain>(id).GetAsync();
        await store.SweepAsync(id, [.. (meeting?.Documents ?? []).Select(d => d.Id)], clock.GetUtcNow() - UnlistedGrace, CancellationToken.None);
    }

    /// <summary>The member the item's presenter names (the agenda holds the presenter as typed: a member's name matches it).</summary>
    private static Guid? PresenterOf(MeetingView meeting, AgendaItemView item) =>
        item.Presenter.Trim() is { Length: > 0 } presenter
            ? meeting.Members.FirstOrDefault(m => string.Equals(m.Name.Trim(), presenter, StringComparison.CurrentCultureIgnoreCase))?.Id
            : null;

    private static long DocumentBytes(MeetingView meeting) => (meeting.Documents ?? []).Sum(d => d.Size);

    private static ProblemHttpResult ProblemOf(Results<Ok<ChangeResponse>, ProblemHttpResult> result) => (ProblemHttpResult)result.Result;

    private static ProblemHttpResult DocumentNotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "document-not-found", "Document introuvable.", "Document not found.");

    private static ProblemHttpResult DocumentTooLarge() =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "document-too-large",
            "Ce fichier dépasse 20 Mo : déposez-en une version plus légère.", "This file is over 20 MB: upload a lighter version.");

    private static ProblemHttpResult DocumentsFull() =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "documents-full",
            "Les documents de cette rencontre dépasseraient 200 Mo au total : retirez-en d'abord.",
            "This meeting's documents would pass 200 MB in all: remove some first.");

    private static ProblemHttpResult WrongDocumentType(DocumentSignature.Verdict verdict, string fileName) => verdict.Mislabelled
        ? Problems.Create(StatusCodes.Status415UnsupportedMediaType, "document-mislabelled",
            $"Le contenu de ce fichier ({verdict.Found!.Label}) ne correspond pas à son nom ({fileName}) : choisissez le bon fichier ou renommez-le.",
            $"This file's content ({verdict.Found!.Label}) does not match its name ({fileName}): choose the right file or rename it.")
        : Problems.Create(StatusCodes.Status415UnsupportedMediaType, "document-type",
            "Ce type de fichier n'est pas accepté : PDF, Word, Excel, PowerPoint, OpenDocument, ou image PNG, JPEG, GIF, WebP.",
            "This type of file is not accepted: PDF, Word, Excel, PowerPoint, OpenDocument, or a PNG, JPEG, GIF, WebP image.");
}
