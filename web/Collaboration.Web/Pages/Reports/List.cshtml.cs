using Collaboration.Web.Accounts;
using Collaboration.Web.Layout;
using Collaboration.Web.Coordination;
using Collaboration.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Reports;

/// <summary>The list behind one figure of the report, in one MRC's column or in all.</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class ListModel(ActivityReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Figure { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mrc { get; set; }

    public ReportPeriod Period { get; private set; } = null!;

    public string Label { get; private set; } = "";

    public IReadOnlyList<ReportRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var (period, problem) = ReportsApi.ParsePeriod(From, To, clock);
        if (problem is not null || !ActivityReports.IsFigure(Figure) || (Mrc is not null && !ActivityReports.IsColumn(Mrc))) return BadRequest();
        Period = period!;
        var figure = ReportFigures.All.First(f => f.Key == Figure);
        Label = HttpContext.Language() == "en" ? figure.En : figure.Fr;
        Rows = await reports.ListAsync(Period, Figure!, Mrc);
        return Page();
    }
}
