using Collaboration.Web.Platform;

namespace Collaboration.Web.Meetings;

/// <summary>
/// The permission filter of the <c>/api/meetings/{id}</c> routes, the same shape as
/// <see cref="Platform.Permissions.RequirePermission{TAction}"/> with one step before: the route names a meeting, the
/// permission is about its table. It finds the table (<see cref="MeetingTables"/>, remembered per node), reads the
/// caller's access to it (<see cref="MeetingsPermissions.ForTableAsync"/>, never remembered), answers 403 before the
/// handler runs, and stores what it found for the handler (<see cref="MeetingAccess"/>). An unknown meeting is 404
/// to organisers (who could see any meeting) and 403 to everyone else (who learn nothing of which ids exist).
/// </summary>
/// <param name="subjectRoute">
/// The route value naming the member the action is about (one's own attendance, one's own hand); without one, the
/// action is about the caller themself (a ballot is always one's own).
/// </param>
public sealed class RequireMeetingPermission(MeetingAction action, string? subjectRoute) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.GetRouteValue("id") as string, out var meetingId)) return Problems.Forbidden();
        var permissions = http.RequestServices.GetRequiredService<MeetingsPermissions>();
        if (await http.RequestServices.GetRequiredService<MeetingTables>().TableOfAsync(meetingId) is not { } tableId)
            return await permissions.AllowsAsync(http.User, MeetingAction.ManageTable, Guid.Empty)
                ? Problems.Create(StatusCodes.Status404NotFound, "meeting-not-found", "Rencontre introuvable.", "Meeting not found.")
                : Problems.Forbidden();
        var access = await permissions.ForTableAsync(http.User, tableId);
        var subject = subjectRoute is null ? access.MemberId
            : Guid.TryParse(http.GetRouteValue(subjectRoute) as string, out var named) ? named : (Guid?)null;
        if (!MeetingsPermissions.Allows(access, action, subject)) return Problems.Forbidden();
        new MeetingAccess(tableId, access).StoreIn(http);
        return await next(context);
    }
}
