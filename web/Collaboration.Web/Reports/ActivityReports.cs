using Collaboration.Web.Partners;
using Microsoft.Extensions.Options;

namespace Collaboration.Web.Reports;

/// <summary>
/// Turns the facts of a period into the report's figures, and gives the list behind any figure and column. The evaluation
/// answers' MRC columns keep the minimum group size (<see cref="SmallGroups"/>), in the figures and in their lists alike.
/// </summary>
public sealed class ActivityReports(ActivityFacts facts, TimeProvider clock, IOptions<ReportOptions> options)
{
    /// <summary>The report's columns: the six MRCs, outside the region, not linked.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [.. Mrcs.All.Select(Mrcs.Code), ReportFigures.UnknownMrc];

    private int Minimum => options.Value.MinimumGroupSize;

    public async Task<ActivityReport> BuildAsync(ReportPeriod period)
    {
        var (all, withheld) = await ReadAsync(period);
        var figures = ReportFigures.All.Select(f => f.Key switch
        {
            ReportFigures.AttendanceRate => Rate(f, all, period, ReportFigures.AttendanceExpected, ReportFigures.AttendancePresent),
            ReportFigures.EvaluationResponseRate => Rate(f, all, period, ReportFigures.EvaluationsInvited, ReportFigures.EvaluationsAnswered),
            ReportFigures.EvaluationSatisfaction => Mean(f, all, period, withheld, Minimum),
            _ => new ReportFigure(f.Key, f.Fr, f.En, false, Count(all, f.Key, null, period),
                Columns.ToDictionary(c => c, c => Count(all, f.Key, c, period))),
        }).ToList();
        return new ActivityReport(period.From, period.To, clock.GetUtcNow(), Columns, figures, Minimum);
    }

    /// <summary>
    /// The rows behind a figure (a rate's list is its roster lines), in one MRC's column (or <see cref="SmallGroups.Others"/>)
    /// or all. A withheld MRC's answers are listed under "Autres MRC" only.
    /// </summary>
    public async Task<IReadOnlyList<ReportRow>> ListAsync(ReportPeriod period, string figure, string? mrc)
    {
        var key = figure switch
        {
            ReportFigures.AttendanceRate => ReportFigures.AttendanceExpected,
            ReportFigures.EvaluationResponseRate => ReportFigures.EvaluationsInvited,
            _ => figure,
        };
        return Rows((await ReadAsync(period)).Facts, key, mrc);
    }

    public static bool IsFigure(string? key) => key is not null && ReportFigures.All.Any(f => f.Key == key);

    /// <summary>A column a list may be asked for: an MRC's, or the merged small groups'.</summary>
    public static bool IsColumn(string? mrc) => mrc is not null && (Columns.Contains(mrc) || mrc == SmallGroups.Others);

    private async Task<(IReadOnlyList<ReportFact> Facts, IReadOnlySet<string> Withheld)> ReadAsync(ReportPeriod period) =>
        SmallGroups.Merge(await facts.ReadAsync(period), ReportFigures.EvaluationSatisfaction, Minimum);

    public static string ListUrl(string figure, ReportPeriod period, string? mrc) =>
        $"/api/reports/activity/list?figure={figure}&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}" + (mrc is null ? "" : $"&mrc={mrc}");

    private static IReadOnlyList<ReportRow> Rows(IReadOnlyList<ReportFact> all, string figure, string? mrc) =>
        [.. all.Where(f => f.Figure == figure && (mrc is null || f.Row.Mrc == mrc)).Select(f => f.Row).DistinctBy(r => r.Id)
            .OrderBy(r => r.At).ThenBy(r => r.Title, StringComparer.CurrentCulture)];

    private static ReportCell Count(IReadOnlyList<ReportFact> all, string figure, string? mrc, ReportPeriod period)
    {
        var count = Rows(all, figure, mrc).Count;
        return new ReportCell(count, count, null, ListUrl(figure, period, mrc));
    }

    /// <summary>
    /// The mean of the rated answers (one fact each), per MRC and in all; a withheld MRC shows nothing, its answers count in
    /// "Autres MRC", itself withheld below <paramref name="minimum"/>.
    /// </summary>
    private static ReportFigure Mean((string Key, string Fr, string En) f, IReadOnlyList<ReportFact> all, ReportPeriod period,
        IReadOnlySet<string> withheld, int minimum)
    {
        ReportCell Cell(string? mrc)
        {
            if (mrc is not null && withheld.Contains(mrc)) return new ReportCell(0, 0, null, "", Mean: true, Withheld: true);
            var values = all.Where(x => x.Figure == f.Key && x.Value is not null && (mrc is null || x.Row.Mrc == mrc)).DistinctBy(x => x.Row.Id)
                .Select(x => x.Value!.Value).ToList();
            if (mrc == SmallGroups.Others && values.Count < minimum) return new ReportCell(0, 0, null, "", Mean: true, Withheld: true);
            return new ReportCell(values.Count == 0 ? 0 : Math.Round(values.Average(), 1), values.Count, null, ListUrl(f.Key, period, mrc), Mean: true);
        }
        return new ReportFigure(f.Key, f.Fr, f.En, false, Cell(null), Columns.ToDictionary(c => c, Cell),
            withheld.Count == 0 ? null : Cell(SmallGroups.Others));
    }

    private static ReportFigure Rate((string Key, string Fr, string En) f, IReadOnlyList<ReportFact> all, ReportPeriod period, string of, string counted)
    {
        ReportCell Cell(string? mrc)
        {
            var expected = Rows(all, of, mrc).Count;
            var present = Rows(all, counted, mrc).Count;
            return new ReportCell(expected == 0 ? 0 : Math.Round(100.0 * present / expected, 1), present, expected, ListUrl(f.Key, period, mrc));
        }
        return new ReportFigure(f.Key, f.Fr, f.En, true, Cell(null), Columns.ToDictionary(c => c, Cell));
    }
}
