using System.Globalization;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Reports;

/// <summary>The report as CSV (the shared <see cref="CsvExport"/> writer): one line per figure, one column per MRC.</summary>
public static class ActivityReportCsv
{
    public static byte[] Build(ActivityReport report)
    {
        var period = $"{report.From:yyyy-MM-dd}/{report.To:yyyy-MM-dd}";
        return CsvExport.Build(
            new[] { "indicateur/figure", "libellé", "label", "période/period", "total" }.Concat(report.Mrcs),
            report.Figures.Select(f => new[] { f.Key, f.LabelFr, f.LabelEn, period, Value(f.Total) }.Concat(report.Mrcs.Select(m => Value(f.ByMrc[m])))));
    }

    private static string Value(ReportCell cell) => cell.Of is null && !cell.Mean
        ? cell.Count.ToString(CultureInfo.InvariantCulture)
        : cell.Value.ToString("0.0", CultureInfo.InvariantCulture);
}
