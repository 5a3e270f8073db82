using System.Globalization;
using System.Security.Claims;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Web.Calendar;
using Collaboration.Web.Mail;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Meetings;

/// <summary>A table's recurring series: its rule and agenda template, creating its next meeting, its calendar file (RRULE).</summary>
public static partial class MeetingsApi
{
    private static void MapSeries(RouteGroupBuilder tables)
    {
        tables.MapGet("/{tableId:guid}/series", GetSeriesAsync).Requires(MeetingAction.Read, TableRoute);
        tables.MapPut("/{tableId:guid}/series", SetSeriesAsync).Requires(MeetingAction.ManageTable, TableRoute);
        tables.MapPost("/{tableId:guid}/series/next", CreateNextInSeriesAsync).Requires(MeetingAction.ManageTable, TableRoute);
        tables.MapGet("/{tableId:guid}/series.ics", GetSeriesCalendarAsync).Requires(MeetingAction.Read, TableRoute);
    }

    public sealed record StandingItemRequest(string? Title, int? PlannedMinutes);

    /// <summary><c>week</c> 1–4 or −1 (the last), <c>day</c> an English day name ("wednesday"), <c>time</c> "13:30" in Québec time.</summary>
    public sealed record SeriesRequest(string? Title, string? Location, int? Week, string? Day, string? Time, List<StandingItemRequest?>? StandingItems);

    public sealed record NextMeetingRequest(string? StartsAt);

    /// <summary>The series (null: none yet) with its RRULE, and whether the caller may change it.</summary>
    public sealed record SeriesResponse(SeriesView? Series, string? Recurrence, bool CanManage);

    private static async Task<Results<Ok<SeriesResponse>, ProblemHttpResult>> GetSeriesAsync(
        Guid tableId, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions)
    {
        var (_, access, problem) = await LoadTableAsync(tableId, user, grains, permissions);
        if (problem is not null) return problem;
        var series = await grains.GetGrain<IMeetingSeriesGrain>(tableId).GetAsync();
        return TypedResults.Ok(new SeriesResponse(series, series?.Rule.RecurrenceRule, MeetingsPermissions.Allows(access, MeetingAction.ManageTable)));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> SetSeriesAsync(
        Guid tableId, SeriesRequest request, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckText(errors, "title", request.Title, 200, required: true);
        CheckText(errors, "location", request.Location, 200, required: false);
        if (request.Week is not (>= 1 and <= 4 or -1)) errors["week"] = new("Choisissez la semaine du mois : 1 à 4, ou la dernière (-1).", "Choose the week of the month: 1 to 4, or the last (-1).");
        if (!Enum.TryParse<DayOfWeek>(request.Day, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(request.Day, out _))
            errors["day"] = new("Choisissez le jour de la semaine (monday … sunday).", "Choose the day of the week (monday … sunday).");
        if (!TimeOnly.TryParseExact(request.Time?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            errors["time"] = new("Entrez l'heure au format HH:MM (heure du Québec).", "Enter the time as HH:MM (Québec time).");
        var standing = request.StandingItems ?? [];
        if (standing.Count > AgendaTemplate.MaxStandingItems)
            errors["standingItems"] = new($"{AgendaTemplate.MaxStandingItems} points permanents au plus.", $"{AgendaTemplate.MaxStandingItems} standing items at most.");
        else if (standing.Any(i => i is null || string.IsNullOrWhiteSpace(i.Title) || i.Title.Trim().Length > 200 || i.PlannedMinutes is < 0 or > 600))
            errors["standingItems"] = new("Chaque point permanent a un titre (200 caractères au plus) et une durée de 0 à 600 minutes.",
                "Each standing item has a title (200 characters at most) and a planned time of 0 to 600 minutes.");
        if (errors.Count > 0) return Problems.Validation(errors);
        var (_, _, problem) = await LoadTableAsync(tableId, user, grains, permissions);
        if (problem is not null) return problem;
        var setup = new SeriesSetup(request.Title!.Trim(), request.Location?.Trim() ?? "", new SeriesRule(request.Week!.Value, day, time.Hour, time.Minute),
            [.. standing.Select(i => new AgendaTemplateItem(i!.Title!.Trim(), i.PlannedMinutes ?? 15))]);
        return Outcome(await grains.GetGrain<IMeetingSeriesGrain>(tableId).SetAsync(setup));
    }

    /// <summary>Creates the series' next meeting (the date the organiser saw: a stale date is refused with the series as it is).</summary>
    private static async Task<Results<Created<MeetingCreatedResponse>, ProblemHttpResult>> CreateNextInSeriesAsync(
        Guid tableId, NextMeetingRequest request, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions, MeetingsService service)
    {
        if (!DateTimeOffset.TryParse(request.StartsAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startsAt))
            return Problems.Validation(new Dictionary<string, BilingualText> { ["startsAt"] = new("Donnez la date de la prochaine rencontre vue (startsAt).", "Give the next meeting's date as seen (startsAt).") });
        var (table, _, problem) = await LoadTableAsync(tableId, user, grains, permissions);
        if (problem is not null) return problem;
        var result = await service.CreateNextInSeriesAsync(table!, startsAt.ToUniversalTime(), user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        return result is { Outcome: MeetingOutcome.Applied, Current: Guid id }
            ? TypedResults.Created($"/api/meetings/{id}", new MeetingCreatedResponse(id))
            : result.Outcome == MeetingOutcome.NotFound ? SeriesNotFound()
            : (ProblemHttpResult)Outcome(result).Result;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSeriesCalendarAsync(
        Guid tableId, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions, MailLinks links, TimeProvider clock)
    {
        var (table, _, problem) = await LoadTableAsync(tableId, user, grains, permissions);
        if (problem is not null) return problem;
        if (await grains.GetGrain<IMeetingSeriesGrain>(tableId).GetAsync() is not { } series) return SeriesNotFound();
        var entry = MeetingCalendar.SeriesEntry(series, table!.Name, new Uri(links.Base, $"meetings.html?table={tableId}"));
        return File(CalendarFile.Build(entry, clock.GetUtcNow()), CalendarFile.ContentType, $"serie-{tableId:N}.ics");
    }

    /// <summary>Loads the table (the permission filter has refused strangers already) and what the caller is to it.</summary>
    private static async Task<(TableView? Table, TableAccess Access, ProblemHttpResult? Problem)> LoadTableAsync(
        Guid tableId, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions)
    {
        var table = await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        if (table is null) return (null, TableAccess.None, TableNotFound());
        return (table, await permissions.ForTableAsync(user, tableId, table), null);
    }

    private static ProblemHttpResult SeriesNotFound() => Problems.Create(StatusCodes.Status404NotFound, "series-not-found",
        "Cette table n'a pas de série de rencontres.", "This table has no meeting series.");
}
