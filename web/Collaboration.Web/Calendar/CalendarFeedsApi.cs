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
/// each Table member's one feed with every meeting of all their Tables at a secret address (<c>/calendar/{feed}.ics</c>,
/// shown on their page, reset there). It answers 404 once the person's access is revoked at every Table; a Table that
/// revokes them drops out of it at once. Meetings carry the same UID and SEQUENCE as their notices; a Table's series is
/// one recurring event (RRULE), as in its own calendar file.
/// </summary>
public static class CalendarFeedsApi
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/workshops.ics", WorkshopsAsync).WithTags("Calendar").RequireRateLimiting(RateLimits.PublicReads);
        app.MapGet("/calendar/colloque/{id:guid}.ics", ColloqueAsync).WithTags("Calendar").RequireRateLimiting(RateLimits.PublicReads);
        app.MapGet("/calendar/{feed}.ics", PersonAsync).WithTags("Calendar").RequireRateLimiting(RateLimits.PublicReads);

        var mine = app.MapGroup("/api/calendar/feed").WithTags("Calendar").RequireAuthorization();
        mine.MapGet("/", MyFeedAsync);
        mine.MapPost("/reset", ResetAsync);
        return app;
    }

    /// <summary>The signed-in member's feed and the Tables it shows.</summary>
    public sealed record FeedLink(string Url, string WebcalUrl, IReadOnlyList<string> Tables);

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

    /// <summary>The feed of <c>{person key}{token}</c>: every meeting and series of the Tables where the person still has access.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> PersonAsync(string feed, IGrainFactory grains, MailLinks links, TimeProvider clock)
    {
        if (feed.Length is < 40 or > 100 || !Guid.TryParseExact(feed[..32], "N", out var person)) return NoFeed();
        if (!await grains.GetGrain<IPersonFeedGrain>(person).IsCurrentAsync(SecretHash.Of(feed[32..]))) return NoFeed();
        var tables = await PersonTables.OfAsync(grains, person);
        if (tables.Count == 0) return NoFeed(); // revoked with the member (or erased): the address shows nothing
        return Feed("Mes Tables / My Tables", await PersonTables.EntriesAsync(grains, tables, links), clock.GetUtcNow());
    }

    /// <summary>The signed-in member's feed (issued the first time it is asked for).</summary>
    private static async Task<Results<Ok<FeedLink>, ProblemHttpResult>> MyFeedAsync(ClaimsPrincipal user, IGrainFactory grains, MailLinks links)
    {
        if (await PersonTables.SignedInPersonAsync(user, grains) is not { } person) return Problems.Forbidden();
        var sealedToken = await grains.GetGrain<IPersonFeedGrain>(person).GetOrIssueAsync();
        return TypedResults.Ok(await LinkAsync(grains, links, person, sealedToken));
    }

    private static async Task<Results<Ok<FeedLink>, ProblemHttpResult>> ResetAsync(ClaimsPrincipal user, IGrainFactory grains, MailLinks links)
    {
        if (await PersonTables.SignedInPersonAsync(user, grains) is not { } person) return Problems.Forbidden();
        var sealedToken = await grains.GetGrain<IPersonFeedGrain>(person).ResetAsync();
        return TypedResults.Ok(await LinkAsync(grains, links, person, sealedToken));
    }

    private static async Task<FeedLink> LinkAsync(IGrainFactory grains, MailLinks links, Guid person, string sealedToken)
    {
        var url = new Uri(links.Base, $"calendar/{person:N}{links.UnsealManageToken(sealedToken)}.ics");
        var tables = await PersonTables.OfAsync(grains, person);
        return new FeedLink(url.ToString(), "webcal" + url.ToString()[url.Scheme.Length..], [.. tables.Select(t => t.Name).Order(StringComparer.CurrentCulture)]);
    }

    private static ContentHttpResult Feed(string name, IEnumerable<CalendarEntry> entries, DateTimeOffset now) =>
        TypedResults.Content(CalendarFile.BuildFeed(name, entries, now), CalendarFile.ContentType);

    private static ProblemHttpResult NoFeed() => Problems.Create(StatusCodes.Status404NotFound, "feed-not-found",
        "Ce calendrier n'existe pas ou n'est plus actif.", "This calendar does not exist or is no longer active.");
}
