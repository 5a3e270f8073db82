using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Collaboration.Web.Reports;

/// <summary>The report as CSV: one line per figure, one column per MRC (UTF-8 with BOM for spreadsheets; formula injection escaped).</summary>
public static class ActivityReportCsv
{
    public static byte[] Build(ActivityReport report)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in new[] { "indicateur/figure", "libellé", "label", "période/period", "total" }.Concat(report.Mrcs))
                csv.WriteField(header);
            csv.NextRecord();
            var period = $"{report.From:yyyy-MM-dd}/{report.To:yyyy-MM-dd}";
            foreach (var figure in report.Figures)
            {
                csv.WriteField(figure.Key);
                csv.WriteField(figure.LabelFr);
                csv.WriteField(figure.LabelEn);
                csv.WriteField(period);
                csv.WriteField(Value(figure.Total));
                foreach (var mrc in report.Mrcs) csv.WriteField(Value(figure.ByMrc[mrc]));
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    private static string Value(ReportCell cell) => cell.Of is null
        ? cell.Count.ToString(CultureInfo.InvariantCulture)
        : cell.Value.ToString("0.0", CultureInfo.InvariantCulture);
}
