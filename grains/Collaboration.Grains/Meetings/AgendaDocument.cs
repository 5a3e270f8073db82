namespace Collaboration.Grains.Meetings;

/// <summary>
/// A document attached to an agenda item: what the meeting knows of it. The bytes live in the product's database
/// (the web node's document store), never in grain state; this entry is what grants access to them, so removing it
/// (or erasing the meeting) ends every download at once. <see cref="ContentType"/> is the one its signature showed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AgendaDocument(
    Guid Id, Guid AgendaItemId, string FileName, string ContentType, long Size, string UploadedBy, Guid? UploadedByMemberId, DateTimeOffset UploadedAt);
