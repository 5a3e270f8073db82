namespace Collaboration.Web.Meetings;

public static class MeetingEndpoints
{
    /// <summary>
    /// Only callers allowed <paramref name="action"/> on the table of the meeting the route's <c>{id}</c> names
    /// (see <see cref="RequireMeetingPermission"/>); the handler reads what was found with <see cref="MeetingAccess.Of"/>.
    /// <paramref name="subjectRoute"/>: the route value naming the member the action is about, if any.
    /// </summary>
    public static RouteHandlerBuilder RequiresOnMeeting(this RouteHandlerBuilder builder, MeetingAction action, string? subjectRoute = null) =>
        builder.RequireAuthorization().AddEndpointFilter(new RequireMeetingPermission(action, subjectRoute));
}
