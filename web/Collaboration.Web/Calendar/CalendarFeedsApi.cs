using System.Security.Claims;
using Collaboration.Grains.Calendar;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Tables;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Mail;
using Collaboration.Web.Meetings;
using Collaboration.Web.Platform;
using Collaboration.Web.Workshops;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Calendar;

/// <summary>
/// Calendar subscription feeds (Ical.Net, the one calendar builder): the public workshops and a colloque's programme, and
/// each Table member's own meetings at a secret address (<c>/calendar/{member id}{token}.ics</c>, shown on their page,
/// reset there; it answers 404 once the member's access is revoked). Meetings carry the same UID and SEQUENCE as their notices.
/// </summary>
public static class CalendarFeedsApi
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/workshops.ics", WorkshopsAsync).WithTags("Calendar").RequireRateLimiting(RateLimits.PublicReads);
        app.MapGet("/calendar/colloque/{id:guid}.ics", ColloqueAsync).WithTags("Calendar").RequireRateLimiting(RateLimits.PublicReads);
        app.MapGet("/calendar/{feed}.ics", MemberAsync).WithTags("Calendar").RequireRateLimiting(RateLimits.PublicReads);

        var member = app.MapGroup("/api/calendar/feeds").WithTags("Calendar").RequireAuthorization();
        member.MapGet("/", MyFeedsAsync);
        member.MapPost("/{tableId:guid}/reset", ResetAsync);
        return app;
    }

    public sealed record FeedLink(Guid TableId, string TableName, string Url, string WebcalUrl);

    private static async Task<ContentHttpResult> WorkshopsAsync(IGrainFactory grains, MailLinks links, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var entries = new List<CalendarEntry>();
        foreach (var id in await grains.GetGrain<IWorkshopCatalogGrain>("all").ListAsync())
        {
            var view = await grains.GetGrain<IWorkshopSessionGrain>(id).GetAsync();
            if (view is null || view.Details.EndsAt < now.AddDays(-30)) continue;
            entries.Add(WorkshopCalendar.Entry(id, view.Details, view.CalendarSequence, view.Counts.Status == WorkshopStatus.Cancelled, links.SessionUrl(id)));
        }
        return Feed("Ateliers employeurs / Employer workshops", entries, now);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ColloqueAsync(Guid id, IGrainFactory grains, MailLinks links, TimeProvider clock)
    {
        var details = await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync();
        if (details is null) return Problems.Create(StatusCodes.Status404NotFound, "colloque-not-found", "Colloque introuvable.", "Colloque not found.");
        var programme = await grains.GetGrain<IColloqueSignupsGrain>(id).GetProgrammeAsync();
        var page = links.ColloqueUrl(id);
        var entries = programme.Sessions.OrderBy(s => s.StartsAt).Select(s => new CalendarEntry($"colloque-{id:D}-{s.Id:D}@concertation", 0, s.StartsAt, s.EndsAt,
            $"{s.TitleFr} / {s.TitleEn}", $"{s.DescriptionFr}\n\n{s.DescriptionEn}\n\n{string.Join(", ", s.Speakers.Select(p => $"{p.Name} ({p.Organisation})"))}".Trim(),
            $"{details.Venue} — {s.Room}", page, Cancelled: false));
        return Feed($"{details.Title} — programme", entries, clock.GetUtcNow());
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> MemberAsync(string feed, IGrainFactory grains, MailLinks links, TimeProvider clock)
    {
        if (feed.Length is < 40 or > 100 || !Guid.TryParseExact(feed[..32], "N", out var memberId)) return NoFeed();
        var tableId = await grains.GetGrain<IMemberFeedGrain>(memberId).ResolveAsync(SecretHash.Of(feed[32..]));
        if (tableId is null) return NoFeed();
        var table = await grains.GetGrain<ITableGrain>(tableId.Value).GetAsync();
        if (table?.Member(memberId) is not { AccessRevoked: false }) return NoFeed(); // revoked with the member
        var meetings = await Task.WhenAll(table.Meetings.Select(m => grains.GetGrain<IMeetingGrain>(m.Id).GetAsync()));
        var entries = meetings.OfType<MeetingView>().OrderBy(m => m.StartsAt).Select(m => MeetingCalendar.Entry(m, links.MeetingUrl(m.Id)));
        return Feed(table.Name, entries, clock.GetUtcNow());
    }

    /// <summary>The signed-in member's feeds, one per table (issued the first time they are asked for).</summary>
    private static async Task<Results<Ok<List<FeedLink>>, ProblemHttpResult>> MyFeedsAsync(ClaimsPrincipal user, IGrainFactory grains, MailLinks links)
    {
        var memberships = TableMembership.From(user);
        if (memberships.Count == 0) return Problems.Forbidden();
        var feeds = new List<FeedLink>();
        foreach (var membership in memberships)
        {
            var table = await grains.GetGrain<ITableGrain>(membership.TableId).GetAsync();
            if (table?.Member(membership.MemberId) is not { AccessRevoked: false } member || member.AccessStamp != membership.Stamp) continue;
            var sealedToken = await grains.GetGrain<IMemberFeedGrain>(membership.MemberId).GetOrIssueAsync(membership.TableId);
            feeds.Add(Link(links, table, membership.MemberId, sealedToken));
        }
        return TypedResults.Ok(feeds);
    }

    private static async Task<Results<Ok<FeedLink>, ProblemHttpResult>> ResetAsync(Guid tableId, ClaimsPrincipal user, IGrainFactory grains, MailLinks links)
    {
        var membership = TableMembership.From(user).FirstOrDefault(m => m.TableId == tableId);
        var table = membership is null ? null : await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        if (membership is null || table?.Member(membership.MemberId) is not { AccessRevoked: false } member || member.AccessStamp != membership.Stamp)
            return Problems.Forbidden();
        var sealedToken = await grains.GetGrain<IMemberFeedGrain>(membership.MemberId).ResetAsync(tableId);
        return TypedResults.Ok(Link(links, table, membership.MemberId, sealedToken));
    }

    private static FeedLink Link(MailLinks links, TableView table, Guid memberId, string sealedToken)
    {
        var url = new Uri(links.Base, $"calendar/{memberId:N}{links.UnsealManageToken(sealedToken)}.ics");
        return new FeedLink(table.Id, table.Name, url.ToString(), "webcal" + url.ToString()[url.Scheme.Length..]);
    }

    private static ContentHttpResult Feed(string name, IEnumerable<CalendarEntry> entries, DateTimeOffset now) =>
        TypedResults.Content(CalendarFile.BuildFeed(name, entries, now), CalendarFile.ContentType);

    private static ProblemHttpResult NoFeed() => Problems.Create(StatusCodes.Status404NotFound, "feed-not-found",
        "Ce calendrier n'existe pas ou n'est plus actif.", "This calendar does not exist or is no longer active.");
}
