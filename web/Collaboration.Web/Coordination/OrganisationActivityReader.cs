using Collaboration.Grains.Meetings;
using Collaboration.Grains.Partners;
using Collaboration.Grains.Workshops;

namespace Collaboration.Web.Coordination;

/// <summary>Gathers <see cref="OrganisationActivity"/> from the grains: tables and meetings the caller sees, the board, the workshop sessions.</summary>
public sealed class OrganisationActivityReader(IGrainFactory grains, CoordinationService coordination)
{
    public async Task<OrganisationActivity?> ReadAsync(CoordinationScope scope, Guid organisationId)
    {
        var organisation = scope.Names.Organisations.FirstOrDefault(o => o.Id == organisationId);
        if (organisation is null) return null;
        var people = scope.People.Values.Where(p => p.OrganisationId == organisationId).ToList();
        var ids = people.Select(p => p.MemberId).ToHashSet();
        var rows = (await coordination.BoardAsync(scope, new BoardFilter(Organisation: organisationId, Status: "all"))).Items;

        var attended = new List<AttendedMeeting>();
        foreach (var (table, _) in scope.Tables)
        foreach (var reference in table.Meetings.OrderByDescending(m => m.StartsAt))
        {
            var meeting = await grains.GetGrain<IMeetingGrain>(reference.Id).GetAsync();
            var present = meeting?.Attendance
                .Where(a => ids.Contains(a.MemberId) && a.Status is AttendanceStatus.Present or AttendanceStatus.Remote)
                .Select(a => scope.People[a.MemberId].Name).ToList();
            if (meeting is not null && present is { Count: > 0 })
                attended.Add(new AttendedMeeting(meeting.Id, meeting.Title, meeting.StartsAt, table.Id, table.Name, present));
        }

        List<WorkshopTaken>? workshops = null;
        if (scope.Organiser)
        {
            workshops = [];
            foreach (var sessionId in await grains.GetGrain<IWorkshopCatalogGrain>("all").ListAsync())
            {
                var session = grains.GetGrain<IWorkshopSessionGrain>(sessionId);
                var view = await session.GetAsync();
                if (view is null) continue;
                var theirs = (await session.GetRegistrantsAsync())
                    .Where(r => r.Status != RegistrationStatus.Cancelled && scope.Names.Means(r.Organisation, organisationId)).ToList();
                if (theirs.Count > 0)
                    workshops.Add(new WorkshopTaken(sessionId, view.Details.TitleFr, view.Details.TitleEn, view.Details.StartsAt,
                        theirs.Count, theirs.Sum(r => r.Seats), theirs.Count(r => r.Attended == true)));
            }
            workshops = [.. workshops.OrderByDescending(w => w.StartsAt)];
        }

        return new OrganisationActivity(organisation.Id, organisation.Profile.Name, organisation.Slug,
            Partners.PartnerCodes.Code(organisation.Profile.Mrc), organisation.Profile.IsPublic, people,
            [.. rows.Where(r => r.Status == "open")], [.. rows.Where(r => r.Status == "done")], attended, workshops);
    }
}
