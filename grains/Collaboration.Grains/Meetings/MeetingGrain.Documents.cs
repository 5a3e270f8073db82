using Collaboration.Grains.Meetings.Events;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// Documents on agenda items: the meeting keeps the list (who may read them is whoever may read the meeting) and the
/// size rules; the bytes are stored beside the grains by the web node, and only an entry here lets anyone download them.
/// </summary>
public sealed partial class MeetingGrain
{
    public const long MaxDocumentBytes = 20L * 1024 * 1024;
    public const long MaxMeetingDocumentBytes = 200L * 1024 * 1024;
    public const int MaxDocumentNameLength = 200;

    public async Task<MeetingResult> AttachDocumentAsync(AgendaDocument document)
    {
        if (Check() is { } refusal) return refusal;
        if (State.Agenda.All(i => i.Id != document.AgendaItemId)) return Refused(MeetingOutcome.UnknownItem);
        if (State.Documents.Any(d => d.Id == document.Id)) return Refused(MeetingOutcome.AlreadyExists);
        if (document.Size is <= 0 or > MaxDocumentBytes || string.IsNullOrWhiteSpace(document.FileName) ||
            document.FileName.Length > MaxDocumentNameLength || string.IsNullOrWhiteSpace(document.ContentType))
            return Refused(MeetingOutcome.Invalid);
        if (DocumentBytes() + document.Size > MaxMeetingDocumentBytes) return Refused(MeetingOutcome.DocumentsFull, DocumentBytes());
        var attached = document with { UploadedAt = Now };
        State.Documents.Add(attached);
        RaiseEvent(new DocumentAttached(attached));
        await WriteStateAsync();
        return Ok(attached);
    }

    public async Task<MeetingResult> RemoveDocumentAsync(Guid documentId)
    {
        if (Check() is { } refusal) return refusal;
        var document = State.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null) return Refused(MeetingOutcome.UnknownItem);
        State.Documents.Remove(document);
        RaiseEvent(new DocumentRemoved(document.Id, document.AgendaItemId));
        await WriteStateAsync();
        return Ok();
    }

    private long DocumentBytes() => State.Documents.Sum(d => d.Size);

    /// <summary>An agenda item's documents go with it (their bytes are swept by the document store).</summary>
    private void RemoveDocumentsOf(Guid itemId)
    {
        foreach (var document in State.Documents.Where(d => d.AgendaItemId == itemId).ToList())
        {
            State.Documents.Remove(document);
            RaiseEvent(new DocumentRemoved(document.Id, itemId));
        }
    }
}
