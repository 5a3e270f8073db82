using System.Globalization;
using System.Text;

namespace Collaboration.Web.Platform;

/// <summary>An iCalendar (RFC 5545) file: escaped text, UTC times, lines folded at 75 octets. One writer for every feature.</summary>
public static class CalendarFile
{
    public static string Build(string productName, DateTimeOffset now, IEnumerable<CalendarEvent> events)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", $"PRODID:-//Concertation//{productName}//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH" };
        foreach (var e in events)
        {
            lines.AddRange(["BEGIN:VEVENT", $"UID:{e.Uid}", $"DTSTAMP:{Utc(now)}", $"DTSTART:{Utc(e.StartsAt)}", $"DTEND:{Utc(e.EndsAt)}",
                $"SUMMARY:{Escape(e.Summary)}", $"DESCRIPTION:{Escape(e.Description)}"]);
            if (e.Url is not null) lines.Add($"URL:{e.Url}");
            if (!string.IsNullOrWhiteSpace(e.Location)) lines.Add($"LOCATION:{Escape(e.Location)}");
            if (e.Cancelled) lines.Add("STATUS:CANCELLED");
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) Fold(text, line);
        return text.ToString();
    }

    public static byte[] Bytes(string calendar) => Encoding.UTF8.GetBytes(calendar);

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
