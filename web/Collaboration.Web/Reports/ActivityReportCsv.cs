using System.Globalization;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Reports;

/// <summary>
/// The report as CSV (the shared <see cref="CsvExport"/> writer): one line per figure, one column per MRC, and the merged
/// small groups' column ("autres-mrc"); a withheld cell is left empty, as on the page it shows no figure.
/// </summary>
public static class ActivityReportCsv
{
    public static byte[] Build(ActivityReport report)
    {
        var period = $"{report.From:yyyy-MM-dd}/{report.To:yyyy-MM-dd}";
        return CsvExport.Build(
            new[] { "indicateur/figure", "libellé", "label", "période/period", "total" }.Concat(report.Mrcs).Append(SmallGroups.Others),
            report.Figures.Select(f => new[] { f.Key, f.LabelFr, f.LabelEn, period, Value(f.Total) }.Concat(report.Mrcs.Select(m => Value(f.ByMrc[m])))
                .Append(f.Others is { } others ? Value(others) : "")));
    }

    private static string Value(ReportCell cell) => cell switch
    {
        { Withheld: true } or { Mean: true, Count: 0 } => "", // no mean where nothing was rated, as the page's "—"
        { Of: null, Mean: false } => cell.Count.ToString(CultureInfo.InvariantCulture),
        _ => cell.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };
}
