using Collaboration.Grains.Coordination;
using Collaboration.Grains.Meetings;

namespace Collaboration.Web.Coordination;

/// <summary>One action item on the board: the board grain's item with its table, its owner's organisation and MRC, and whether it is late.</summary>
public sealed record BoardRow(
    Guid ItemId, Guid TableId, string TableName, string Text, Guid OwnerMemberId, string OwnerName,
    Guid? OwnerOrganisationId, string? OwnerOrganisationName, string? OwnerMrc, DateOnly? Due, string Status, DateTimeOffset? ClosedAt,
    Guid MeetingId, string MeetingTitle, Guid RaisedInMeetingId, string RaisedInMeetingTitle, DateTimeOffset RaisedAt,
    long Version, bool Overdue, bool CanChangeStatus)
{
    public static BoardRow From(BoardItem item, Guid tableId, string tableName, BoardPerson? owner, DateOnly today, bool canChange) => new(
        item.ItemId, tableId, tableName, item.Text, item.OwnerMemberId, item.OwnerName,
        owner?.OrganisationId, owner?.OrganisationName, owner?.Mrc, item.Due, item.Status == ActionItemStatus.Done ? "done" : "open", item.ClosedAt,
        item.MeetingId, item.MeetingTitle, item.RaisedInMeetingId, item.RaisedInMeetingTitle, item.RaisedAt, item.Version,
        IsOverdue(item, today), canChange);

    public static bool IsOverdue(BoardItem item, DateOnly today) => item.Status == ActionItemStatus.Open && item.Due is { } due && due < today;
}
