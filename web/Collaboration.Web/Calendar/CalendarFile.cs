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
    public const string TimeZoneId = "America/Toronto";
    public const string ContentType = "text/calendar; charset=utf-8";

    private static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static string Build(CalendarEntry entry, DateTimeOffset now)
    {
        var calendar = new IcalCalendar
        {
            ProductId = "-//Concertation//Lanaudiere//FR",
            Method = entry.Cancelled ? "CANCEL" : "PUBLISH",
        };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId, entry.StartsAt.UtcDateTime.AddYears(-1), includeHistoricalData: false));
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
        if (!string.IsNullOrWhiteSpace(entry.Location)) calendarEvent.Location = entry.Location;
        if (entry.Url is not null) calendarEvent.Url = entry.Url;
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Local(DateTimeOffset at) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, Toronto).DateTime, DateTimeKind.Unspecified), TimeZoneId, true);
}
