using Collaboration.Grains.Platform;
using System.Globalization;
using Collaboration.Web.Accounts;
using Collaboration.Web.Coordination;
using Collaboration.Web.Partners;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Reports;

/// <summary>The activity report for the funder (organisers only): figures per MRC, the list behind each, CSV.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        reports.MapGet("/activity", GetAsync);
        reports.MapGet("/activity.csv", GetCsvAsync);
        reports.MapGet("/activity/list", GetListAsync);
        return app;
    }

    private static async Task<Results<Ok<ActivityReport>, ProblemHttpResult>> GetAsync(string? from, string? to, ActivityReports reports, TimeProvider clock)
    {
        var (period, problem) = ParsePeriod(from, to, clock);
        return problem ?? (Results<Ok<ActivityReport>, ProblemHttpResult>)TypedResults.Ok(await reports.BuildAsync(period!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCsvAsync(string? from, string? to, ActivityReports reports, TimeProvider clock)
    {
        var (period, problem) = ParsePeriod(from, to, clock);
        if (problem is not null) return problem;
        return TypedResults.File(ActivityReportCsv.Build(await reports.BuildAsync(period!)), "text/csv; charset=utf-8",
            $"rapport-activite-{period!.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportRow>>, ProblemHttpResult>> GetListAsync(
        string? figure, string? from, string? to, string? mrc, ActivityReports reports, TimeProvider clock)
    {
        var (period, problem) = ParsePeriod(from, to, clock);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, BilingualText>();
        if (!ActivityReports.IsFigure(figure)) errors["figure"] = new("Indicateur inconnu.", "Unknown figure.");
        if (mrc is not null && !ActivityReports.IsColumn(mrc)) errors["mrc"] = new("MRC inconnue.", "Unknown MRC.");
        if (errors.Count > 0) return Problems.Validation(errors);
        return TypedResults.Ok(await reports.ListAsync(period!, figure!, mrc));
    }

    /// <summary>
    /// from/to as YYYY-MM-DD, both included; by default the current fiscal year of Québec's
    /// government (1 April – 31 March), the funder's reporting year.
    /// </summary>
    public static (ReportPeriod? Period, ProblemHttpResult? Problem) ParsePeriod(string? from, string? to, TimeProvider clock)
    {
        var today = QuebecTime.Today(clock);
        var fiscalStart = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        var errors = new Dictionary<string, BilingualText>();
        var start = DateInput.Parse(errors, "from", from, clock.GetUtcNow()) ?? fiscalStart;
        var end = DateInput.Parse(errors, "to", to, clock.GetUtcNow()) ?? fiscalStart.AddYears(1).AddDays(-1);
        if (errors.Count == 0 && end < start) errors["to"] = new("La fin précède le début.", "The end is before the start.");
        if (errors.Count == 0 && end > start.AddYears(5)) errors["to"] = new("Cinq ans au plus.", "Five years at most.");
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (new ReportPeriod(start, end), null);
    }
}
