using System.Globalization;
using System.Text;
using Collaboration.Grains.Workshops;

namespace Collaboration.Web.Workshops;

/// <summary>An iCalendar (RFC 5545) file for one session: no personal data, so it is public.</summary>
public static class WorkshopCalendar
{
    public static string Build(WorkshopView view, Uri pageUrl, DateTimeOffset now)
    {
        var d = view.Details;
        var location = string.Join(" — ", new[] { d.Place, d.OnlineLink }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Concertation//Ateliers employeurs//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{view.Id:D}@concertation",
            $"DTSTAMP:{Utc(now)}",
            $"DTSTART:{Utc(d.StartsAt)}",
            $"DTEND:{Utc(d.EndsAt)}",
            $"SUMMARY:{Escape($"{d.TitleFr} / {d.TitleEn}")}",
            $"DESCRIPTION:{Escape($"{d.DescriptionFr}\n\n{d.DescriptionEn}\n\n{pageUrl}")}",
            $"URL:{pageUrl}",
        };
        if (location.Length > 0) lines.Add($"LOCATION:{Escape(location)}");
        if (view.Counts.Status == WorkshopStatus.Cancelled) lines.Add("STATUS:CANCELLED");
        lines.AddRange(["END:VEVENT", "END:VCALENDAR"]);
        var text = new StringBuilder();
        foreach (var line in lines) Fold(text, line);
        return text.ToString();
    }

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
