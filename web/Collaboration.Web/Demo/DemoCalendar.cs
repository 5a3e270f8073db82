using System.Globalization;
using Collaboration.Grains.Platform;

namespace Collaboration.Web.Demo;

/// <summary>
/// Dates for demo data, relative to today in Québec: working days only (no weekend, no statutory
/// holiday, not in the year-end break), at a local hour, and month names to title meetings with.
/// </summary>
public static class DemoCalendar
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public static DateOnly WorkingDayFrom(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The last working day on or before <paramref name="day"/>.</summary>
    public static DateOnly WorkingDayUntil(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    /// <summary>The second Tuesday of the month (the Table's usual day), moved to a working day.</summary>
    public static DateOnly MeetingDay(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var tuesday = first.AddDays(((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7 + 7);
        return WorkingDayFrom(tuesday);
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary>Québec's statutory holidays, and the year-end break (24 December to 2 January) when offices close.</summary>
    public static bool IsHoliday(DateOnly day)
    {
        if (day is { Month: 12, Day: >= 24 } or { Month: 1, Day: <= 2 }) return true;
        if (day is { Month: 6, Day: 24 } or { Month: 7, Day: 1 }) return true;
        var easter = EasterSunday(day.Year);
        if (day == easter.AddDays(-2) || day == easter.AddDays(1)) return true;
        if (day == NthMonday(day.Year, 9, 1) || day == NthMonday(day.Year, 10, 2)) return true; // Labour Day, Thanksgiving
        var patriotes = new DateOnly(day.Year, 5, 24); // Journée nationale des patriotes: the Monday before 25 May
        while (patriotes.DayOfWeek != DayOfWeek.Monday) patriotes = patriotes.AddDays(-1);
        return day == patriotes;
    }

    /// <summary>A local Québec time on that day, as an instant (the offset follows daylight saving time).</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute) => QuebecTime.At(day, new TimeOnly(hour, minute));

    /// <summary>"novembre", "décembre"…: the Québec-local month of an instant.</summary>
    public static string FrenchMonth(DateTimeOffset at) => QuebecTime.InQuebec(at).ToString("MMMM", French);

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    /// <summary>Gregorian Easter (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

}
