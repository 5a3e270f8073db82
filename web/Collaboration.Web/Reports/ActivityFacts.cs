using Collaboration.Grains.Colloque;
using Collaboration.Grains.Evaluations;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Partners;
using Collaboration.Grains.Tables;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Coordination;
using Collaboration.Web.Partners;

namespace Collaboration.Web.Reports;

/// <summary>
/// Reads, from the grains themselves (tables, meetings, workshop sessions, colloques), every fact a
/// figure of the report counts over a period, each with the MRC it counts for: the MRC of the
/// partner organisation of the member, employer or attendee concerned ("non-precisee" when there is
/// none). A meeting counts for each MRC that had members on its roster.
/// </summary>
public sealed class ActivityFacts(IGrainFactory grains, PartnersService partners, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportFact>> ReadAsync(ReportPeriod period)
    {
        var names = new OrganisationNameIndex(await partners.Directory.ListAsync());
        var byId = names.Organisations.ToDictionary(o => o.Id);
        var facts = new List<ReportFact>();
        await MeetingsAsync(period, byId, facts);
        await WorkshopsAsync(period, names, facts);
        await ColloquesAsync(period, names, facts);
        await EvaluationsAsync(period, facts);
        return facts;
    }

    private async Task MeetingsAsync(ReportPeriod period, Dictionary<Guid, PartnerDirectoryEntry> organisations, List<ReportFact> facts)
    {
        var latest = new Dictionary<Guid, (DateTimeOffset StartsAt, ActionItemView Item, string Mrc, MeetingView Meeting)>();
        foreach (var entry in await grains.GetGrain<ITableDirectoryGrain>("default").ListAsync())
        {
            var table = await grains.GetGrain<ITableGrain>(entry.Id).GetAsync();
            if (table is null) continue;
            string MrcOf(Guid memberId) =>
                table.Member(memberId)?.OrganisationId is { } id && organisations.TryGetValue(id, out var o) ? PartnerCodes.Code(o.Profile.Mrc) : ReportFigures.UnknownMrc;

            foreach (var reference in table.Meetings)
            {
                var meeting = await grains.GetGrain<IMeetingGrain>(reference.Id).GetAsync();
                if (meeting is null) continue;
                foreach (var item in meeting.ActionItems.Concat(meeting.FollowUps))
                    if (!latest.TryGetValue(item.Id, out var known) || known.StartsAt < meeting.StartsAt)
                        latest[item.Id] = (meeting.StartsAt, item, MrcOf(item.OwnerMemberId), meeting);
                if (meeting.Status is MeetingStatus.Draft or MeetingStatus.Cancelled || !period.Contains(meeting.StartsAt)) continue;

                var link = $"/meeting.html?id={meeting.Id}";
                var mrcs = meeting.Members.Select(m => MrcOf(m.Id)).Distinct().DefaultIfEmpty(ReportFigures.UnknownMrc).ToList();
                var counted = meeting.Attendance.Count(a => a.Status is AttendanceStatus.Present or AttendanceStatus.Remote);
                var detail = $"{table.Name} · {counted}/{meeting.Members.Count} · {(meeting.Quorum.Reached ? "quorum atteint" : "quorum non atteint")}";
                var detailEn = $"{table.Name} · {counted}/{meeting.Members.Count} · {(meeting.Quorum.Reached ? "quorum reached" : "quorum not reached")}";
                foreach (var mrc in mrcs)
                {
                    facts.Add(new(ReportFigures.MeetingsHeld, new(meeting.Id.ToString(), meeting.Title, meeting.StartsAt, detail, mrc, link, detailEn)));
                    if (meeting.Quorum.Reached)
                        facts.Add(new(ReportFigures.QuorumReached, new(meeting.Id.ToString(), meeting.Title, meeting.StartsAt, detail, mrc, link, detailEn)));
                    foreach (var d in meeting.Decisions)
                        facts.Add(new(ReportFigures.Decisions, new(d.Id.ToString(), d.Text, d.RecordedAt, meeting.Title, mrc, link)));
                }
                foreach (var member in meeting.Members)
                {
                    var status = meeting.Attendance.FirstOrDefault(a => a.MemberId == member.Id)?.Status;
                    var row = new ReportRow($"{meeting.Id}:{member.Id}", member.Name, meeting.StartsAt,
                        $"{meeting.Title} · {status?.ToString().ToLowerInvariant() ?? "—"}", MrcOf(member.Id), link);
                    facts.Add(new(ReportFigures.AttendanceExpected, row));
                    if (status is AttendanceStatus.Present or AttendanceStatus.Remote) facts.Add(new(ReportFigures.AttendancePresent, row));
                }
                foreach (var item in meeting.ActionItems)
                    facts.Add(new(ReportFigures.ActionItemsOpened, new(item.Id.ToString(), item.Text, meeting.StartsAt,
                        $"{item.OwnerName} · {meeting.Title}", MrcOf(item.OwnerMemberId), link)));
            }
        }
        foreach (var (id, (_, item, mrc, meeting)) in latest)
            if (item.Status == ActionItemStatus.Done && item.ClosedAt is { } closedAt && period.Contains(closedAt))
                facts.Add(new(ReportFigures.ActionItemsClosed, new(id.ToString(), item.Text, closedAt, $"{item.OwnerName} · {meeting.Title}", mrc,
                    $"/meeting.html?id={meeting.Id}")));
    }

    private async Task WorkshopsAsync(ReportPeriod period, OrganisationNameIndex names, List<ReportFact> facts)
    {
        var now = clock.GetUtcNow();
        foreach (var sessionId in await grains.GetGrain<IWorkshopCatalogGrain>("all").ListAsync())
        {
            var session = grains.GetGrain<IWorkshopSessionGrain>(sessionId);
            var view = await session.GetAsync();
            // The period's sessions, held or upcoming, as the colloque's figures count its upcoming colloque; only the held
            // ones count as held and can have attendance.
            if (view is null || view.Counts.Status == WorkshopStatus.Cancelled || !period.Contains(view.Details.StartsAt))
                continue;
            var held = view.Details.StartsAt <= now;
            var link = $"/workshops/session.html?id={sessionId}";
            var confirmed = (await session.GetRegistrantsAsync()).Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
            string MrcOf(RegistrantView r) => names.Find(r.Organisation) is { } o ? PartnerCodes.Code(o.Profile.Mrc) : ReportFigures.UnknownMrc;
            if (held)
                foreach (var mrc in confirmed.Select(MrcOf).Distinct().DefaultIfEmpty(ReportFigures.UnknownMrc))
                    facts.Add(new(ReportFigures.WorkshopsHeld, new(sessionId.ToString(), view.Details.TitleFr, view.Details.StartsAt,
                        $"{view.Counts.Confirmed} inscriptions", mrc, link, $"{view.Counts.Confirmed} registrations")));
            foreach (var r in confirmed)
            {
                var row = new ReportRow($"{sessionId}:{r.Code}", r.Organisation, view.Details.StartsAt, view.Details.TitleFr, MrcOf(r), link, view.Details.TitleEn);
                facts.Add(new(ReportFigures.EmployersRegistered, row));
                if (held && r.Attended == true) facts.Add(new(ReportFigures.EmployersAttended, row));
            }
        }
    }

    /// <summary>
    /// Per event held in the period (workshop sessions, colloques and their ateliers): each invitation and whether it was
    /// answered, counted in the MRC of the person invited; each rated satisfaction, in the MRC the answer carries. The
    /// rows name the event, never the person.
    /// </summary>
    private async Task EvaluationsAsync(ReportPeriod period, List<ReportFact> facts)
    {
        var subjects = new List<EventSubject>();
        subjects.AddRange((await grains.GetGrain<IWorkshopCatalogGrain>("all").ListAsync()).Select(EventSubject.Workshop));
        foreach (var colloque in await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync())
        {
            if (!period.Contains(colloque.Date)) continue;
            subjects.Add(EventSubject.Colloque(colloque.Id));
            subjects.AddRange((await grains.GetGrain<IColloqueSignupsGrain>(colloque.Id).GetProgrammeAsync()).Sessions
                .Where(s => s.Kind == SessionKind.Atelier).Select(s => EventSubject.Atelier(colloque.Id, s.Id)));
        }
        foreach (var subject in subjects)
        {
            var view = await grains.GetGrain<IEvaluationGrain>(subject.Key).GetAsync();
            if (view is not { Event: { } ev, IsDefaultForm: false } || view.Invited == 0 || !period.Contains(ev.StartsAt)) continue;
            var link = $"/evaluations/admin?event={subject.Key}";
            string Mrc(Mrc? mrc) => mrc is { } m ? PartnerCodes.Code(m) : ReportFigures.UnknownMrc;
            foreach (var r in view.Respondents)
            {
                var row = new ReportRow($"{subject.Key}:{r.Id}", ev.TitleFr, ev.StartsAt, r.Answered ? "répondu / answered" : "sans réponse / no answer", Mrc(r.Mrc), link);
                facts.Add(new(ReportFigures.EvaluationsInvited, row));
                if (r.Answered) facts.Add(new(ReportFigures.EvaluationsAnswered, row));
            }
            var rated = view.Questions.FirstOrDefault(q => q.Id == DefaultEvaluationForm.SatisfactionId && q.Kind == QuestionKind.Rating)
                ?? view.Questions.FirstOrDefault(q => q.Kind == QuestionKind.Rating);
            if (rated is null) continue;
            var answers = await grains.GetGrain<IEvaluationResultsGrain>(subject.Key).GetAnswersAsync();
            for (var i = 0; i < answers.Count; i++)
                if (answers[i].Values.TryGetValue(rated.Id, out var value) && int.TryParse(value, out var rating))
                    facts.Add(new(ReportFigures.EvaluationSatisfaction, new ReportRow($"{subject.Key}:answer-{i}", ev.TitleFr, ev.StartsAt,
                        $"{rating}/5", Mrc(answers[i].Mrc), link), rating));
        }
    }

    private async Task ColloquesAsync(ReportPeriod period, OrganisationNameIndex names, List<ReportFact> facts)
    {
        foreach (var colloque in await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync())
        {
            if (!period.Contains(colloque.Date)) continue;
            var view = await grains.GetGrain<IColloqueGrain>(colloque.Id).GetAsync();
            var arrived = view?.Arrivals.Select(a => a.Code).ToHashSet() ?? [];
            var link = $"/colloque-dashboard.html?id={colloque.Id}";
            foreach (var attendee in await grains.GetGrain<IColloqueDirectoryGrain>(colloque.Id).ListAsync())
            {
                if (attendee.Cancelled) continue;
                // The MRC the attendee gave when registering, else their organisation's.
                var mrc = attendee.Mrc is { } given ? PartnerCodes.Code(given)
                    : names.Find(attendee.Organisation) is { } o ? PartnerCodes.Code(o.Profile.Mrc) : ReportFigures.UnknownMrc;
                var at = colloque.Date.ToDateTime(TimeOnly.MinValue);
                var row = new ReportRow($"{colloque.Id}:{attendee.Code}", attendee.Name, new DateTimeOffset(at, TimeSpan.Zero),
                    $"{attendee.Organisation} · {colloque.Title}", mrc, link);
                facts.Add(new(ReportFigures.ColloqueRegistrations, row));
                facts.Add(new(ReportFigures.Category(ReportFigures.ColloqueRegistrations, attendee.Category), row));
                if (!arrived.Contains(attendee.Code)) continue;
                facts.Add(new(ReportFigures.ColloqueArrivals, row));
                facts.Add(new(ReportFigures.Category(ReportFigures.ColloqueArrivals, attendee.Category), row));
            }
        }
    }
}
