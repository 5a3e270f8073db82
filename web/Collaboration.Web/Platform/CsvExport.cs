using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Platform;

/// <summary>
/// The one CSV writer of every export (CsvHelper, RFC 4180): UTF-8 with a BOM so spreadsheets open
/// it as UTF-8, and formula injection defused. A cell that a spreadsheet would run as a formula
/// (<c>=HYPERLINK(…)</c>, <c>-2+3+cmd|' /C calc'!A0</c>, <c>@SUM(…)</c>) starts with a <c>'</c>,
/// also when blanks or invisible characters come first (<c>" =1+1"</c>, <c>"\t=1+1"</c>, a zero-width
/// space or a BOM before <c>=</c>), and for the full-width forms <c>＝ ＋ － ＠</c>: spreadsheets
/// trim the first and fold the second to ASCII on import.
/// </summary>
public static class CsvExport
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\n', '|', '＝', '＋', '－', '＠'];

    /// <summary>Zero-width space, non-joiner, joiner, word joiner, BOM: invisible, dropped by spreadsheets.</summary>
    private static readonly char[] Invisible = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

    public static FileContentHttpResult File(string fileName, IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows,
        string delimiter = ",") =>
        TypedResults.File(Build(headers, rows, delimiter), "text/csv; charset=utf-8", fileName);

    public static byte[] Build(IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows, string delimiter = ",")
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
               {
                   Delimiter = delimiter,
                   InjectionOptions = InjectionOptions.Escape,
                   InjectionCharacters = FormulaStarts,
               }))
        {
            foreach (var header in headers) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Defuse(cell ?? ""));
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>CsvHelper escapes a formula character in first place; this catches one behind blanks or invisible characters.</summary>
    public static string Defuse(string value)
    {
        var firstVisible = value.AsSpan();
        while (firstVisible.Length > 0 && (char.IsWhiteSpace(firstVisible[0]) || Invisible.Contains(firstVisible[0]))) firstVisible = firstVisible[1..];
        return firstVisible.Length < value.Length && firstVisible.Length > 0 && FormulaStarts.Contains(firstVisible[0]) ? "'" + value : value;
    }
}
