using System.Globalization;

namespace Collaboration.Web.Layout;

/// <summary>
/// Times as the pages show them: in Québec time (America/Toronto) whatever the server's zone, worded as
/// the client's zoned-time.js words them ("jeudi 4 mars 2027", "13 h 30"; "Thursday, March 4, 2027", "1:30 p.m.").
/// </summary>
public static class QuebecTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    /// <summary>
    /// An instant as an HTML <c>&lt;time datetime&gt;</c> value: a valid global date and time string (UTC, whole seconds;
    /// the round-trip "O" format's seven-digit fraction is not valid HTML).
    /// </summary>
    public static string HtmlDateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset InQuebec(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string LongDate(DateTimeOffset instant, string language)
    {
        var local = InQuebec(instant);
        return language == RequestLanguage.English
            ? local.ToString("dddd, MMMM d, yyyy", English)
            : local.ToString("dddd d MMMM yyyy", French);
    }

    public static string Time(DateTimeOffset instant, string language)
    {
        var local = InQuebec(instant);
        if (language != RequestLanguage.English) return local.ToString("H' h 'mm", French);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return $"{hour}:{local.Minute:00} {(local.Hour < 12 ? "a.m." : "p.m.")}";
    }
}
