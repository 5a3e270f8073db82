using System.Globalization;

namespace Collaboration.Grains.Platform;

/// <summary>
/// The one server-side reading of Québec time (America/Toronto: Eastern, with daylight saving), whatever the server's
/// own zone: the zone, "today", a wall-clock time turned into an instant, and the words the pages, emails, PDFs and
/// exports use — the same as the client's <c>zoned-time.js</c> ("jeudi 4 mars 2027", "13 h 30";
/// "Thursday, March 4, 2027", "1:30 p.m."). The clock itself is the injected <see cref="TimeProvider"/>.
/// A machine without the zone fails at start-up (<see cref="EnsureAvailable"/>) rather than showing UTC as Québec time.
/// </summary>
public static class QuebecTime
{
    public const string ZoneId = "America/Toronto";

    public static TimeZoneInfo Zone { get; } = FindZone();

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");

    /// <summary>Called at start-up: a missing zone stops the start with its reason.</summary>
    public static void EnsureAvailable() => _ = Zone;

    public static DateTimeOffset InQuebec(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The day it is in Québec at <paramref name="instant"/> (what "today", "overdue" and a report's period mean).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(InQuebec(instant).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>
    /// The instant a Québec wall clock reads <paramref name="time"/> on <paramref name="date"/>. A time the spring change
    /// skips (2:30 on that Sunday) is read an hour later, as a clock set forward would; a time the autumn change repeats
    /// is its first occurrence (daylight time).
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Midnight in Québec at the start of <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>"jeudi 4 mars 2027" / "Thursday, March 4, 2027".</summary>
    public static string LongDate(DateTimeOffset instant, string language) =>
        IsEnglish(language) ? InQuebec(instant).ToString("dddd, MMMM d, yyyy", English) : InQuebec(instant).ToString("dddd d MMMM yyyy", French);

    /// <summary>"4 mars 2027" / "March 4, 2027".</summary>
    public static string Date(DateTimeOffset instant, string language) =>
        IsEnglish(language) ? InQuebec(instant).ToString("MMMM d, yyyy", English) : InQuebec(instant).ToString("d MMMM yyyy", French);

    /// <summary>"13 h 30" / "1:30 p.m.".</summary>
    public static string Time(DateTimeOffset instant, string language)
    {
        var local = InQuebec(instant);
        if (!IsEnglish(language)) return local.ToString("H' h 'mm", French);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return $"{hour}:{local.Minute:00} {(local.Hour < 12 ? "a.m." : "p.m.")}";
    }

    /// <summary>"jeudi 4 mars 2027, 13 h 30" / "Thursday, March 4, 2027, 1:30 p.m.".</summary>
    public static string LongDateTime(DateTimeOffset instant, string language) => $"{LongDate(instant, language)}, {Time(instant, language)}";

    /// <summary>"2027-03-04 13:30": a sortable local time for exports (CSV, Markdown).</summary>
    public static string Sortable(DateTimeOffset instant) => InQuebec(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant as an HTML <c>&lt;time datetime&gt;</c> value: a valid global date and time string (UTC, whole seconds;
    /// the round-trip "O" format's seven-digit fraction is not valid HTML).
    /// </summary>
    public static string HtmlDateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool IsEnglish(string language) => language == "en";

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException(
                $"The time zone {ZoneId} (Québec time) is missing on this machine: install the time zone data (Debian: tzdata), " +
                "or run with ICU's data. Concertation does not start rather than show UTC as Québec time.", e);
        }
    }
}
