namespace Collaboration.Web.Meetings;

/// <summary>
/// What <see cref="RequireMeetingPermission"/> found for a meeting route: the meeting's table and what the caller is to it.
/// Handlers whose check depends on the body or a stored item (an action item's owner, a document's presenter) finish
/// it with this, without asking the table again.
/// </summary>
public sealed record MeetingAccess(Guid TableId, TableAccess Access)
{
    private static readonly object ItemKey = new();

    internal void StoreIn(HttpContext http) => http.Items[ItemKey] = this;

    /// <summary>The access the route's filter stored; a handler without the filter is a bug, so this throws.</summary>
    public static MeetingAccess Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var value) && value is MeetingAccess access
            ? access
            : throw new InvalidOperationException("This meeting route declares no permission (RequiresOnMeeting).");
}
