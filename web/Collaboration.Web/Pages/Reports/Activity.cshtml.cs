using Collaboration.Web.Accounts;
using Collaboration.Web.Coordination;
using Collaboration.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Reports;

/// <summary>The activity report, printable: the period form, one row per figure, one column per MRC, each figure a link to its list.</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class ActivityModel(ActivityReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ActivityReport Report { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var (period, _) = ReportsApi.ParsePeriod(From, To, clock);
        period ??= ReportsApi.ParsePeriod(null, null, clock).Period!;
        Report = await reports.BuildAsync(period);
    }

    /// <summary>The page behind a cell (the API's list address, on the page's own route).</summary>
    public static string ListPage(ReportCell cell) => cell.ListUrl.Replace("/api/reports/activity/list", "/rapport/liste", StringComparison.Ordinal);
}
