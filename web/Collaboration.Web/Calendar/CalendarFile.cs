using System.Collections.Concurrent;
using Collaboration.Grains.Platform;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Collaboration.Web.Calendar;

/// <summary>
/// The one iCalendar (RFC 5545) writer, on Ical.Net: times in America/Toronto with its
/// VTIMEZONE, so calendars show the Québec wall-clock time the organiser chose.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Files already written, by entry: a burst of confirmations attaches the same event hundreds of times.</summary>
    private static readonly ConcurrentDictionary<(CalendarEntry, CalendarOrganizer?), string> Written = new();

    private const int Remembered = 512;

    /// <summary>
    /// The file for <paramref name="entry"/>. The same entry (same sequence) gives the same file, DTSTAMP included:
    /// it is when this version of the event was first written (<paramref name="now"/> then), which is what DTSTAMP
    /// means for a published event (RFC 5545 §3.8.7.2).
    /// </summary>
    /// <param name="organizer">ORGANIZER (RFC 5546 requires it; the emails and the public files pass <c>Mail:From</c>).</param>
    public static string Build(CalendarEntry entry, DateTimeOffset now, CalendarOrganizer? organizer = null)
    {
        if (Written.TryGetValue((entry, organizer), out var known)) return known;
        if (Written.Count >= Remembered) Written.Clear();
        return Written.GetOrAdd((entry, organizer), Write(entry, now, organizer));
    }

    /// <summary>
    /// A subscription feed (<c>webcal://</c>): several events in one PUBLISH calendar, named for the calendar app; a
    /// cancelled event stays in it with STATUS:CANCELLED and its SEQUENCE, so subscribers see it cancelled.
    /// </summary>
    public static string BuildFeed(string name, IEnumerable<CalendarEntry> entries, DateTimeOffset now)
    {
        var calendar = new IcalCalendar { ProductId = "-//Concertation//Lanaudiere//FR", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", QuebecTime.ZoneId);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(QuebecTime.ZoneId, now.UtcDateTime.AddYears(-2), includeHistoricalData: false));
        foreach (var entry in entries) calendar.Events.Add(Event(entry, now));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static string Write(CalendarEntry entry, DateTimeOffset now, CalendarOrganizer? organizer)
    {
        var calendar = new IcalCalendar
        {
            ProductId = "-//Concertation//Lanaudiere//FR",
            Method = entry.Cancelled ? "CANCEL" : "PUBLISH",
        };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(QuebecTime.ZoneId, entry.StartsAt.UtcDateTime.AddYears(-1), includeHistoricalData: false));
        calendar.Events.Add(Event(entry, now, organizer));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(CalendarEntry entry, DateTimeOffset now, CalendarOrganizer? organizer = null)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = entry.Uid,
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = Local(entry.StartsAt),
            DtEnd = Local(entry.EndsAt),
            Summary = entry.Summary,
            Description = entry.Description,
            Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (entry.Recurrence is not null) calendarEvent.RecurrenceRule = new RecurrencePattern(entry.Recurrence);
        foreach (var skipped in entry.ExceptionDates ?? []) calendarEvent.ExceptionDates.Add(Local(skipped));
        if (!string.IsNullOrWhiteSpace(entry.Location)) calendarEvent.Location = entry.Location;
        if (entry.Url is not null) calendarEvent.Url = entry.Url;
        if (organizer is not null) calendarEvent.Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.Name };
        return calendarEvent;
    }

    private static CalDateTime Local(DateTimeOffset at) =>
        new(DateTime.SpecifyKind(QuebecTime.InQuebec(at).DateTime, DateTimeKind.Unspecified), QuebecTime.ZoneId, true);
}
