using System.Globalization;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Meetings;

/// <summary>
/// When a table's series meets: the <see cref="Week"/>th <see cref="Day"/> of every month (−1: the last one) at
/// <see cref="Hour"/>:<see cref="Minute"/>, Québec wall-clock time (America/Toronto), whatever the daylight-saving offset that day.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SeriesRule([property: Id(0)] int Week, [property: Id(1)] DayOfWeek Day, [property: Id(2)] int Hour, [property: Id(3)] int Minute)
{
    public bool IsValid => Week is >= 1 and <= 4 or -1 && Enum.IsDefined(Day) && Hour is >= 0 and <= 23 && Minute is >= 0 and <= 59;

    /// <summary>The iCalendar RRULE (RFC 5545 §3.3.10): "FREQ=MONTHLY;BYDAY=3WE".</summary>
    public string RecurrenceRule => $"FREQ=MONTHLY;BYDAY={Week.ToString(CultureInfo.InvariantCulture)}{Day.ToString()[..2].ToUpperInvariant()}";

    /// <summary>The first meeting of the series strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var local = QuebecTime.InQuebec(after);
        var month = new DateOnly(local.Year, local.Month, 1);
        for (var i = 0; i < 3; i++, month = month.AddMonths(1))
            if (At(DateIn(month)) is var candidate && candidate > after) return candidate;
        throw new InvalidOperationException("A monthly rule meets within three months."); // unreachable for a valid rule
    }

    /// <summary>The meeting's day in the month of <paramref name="month"/>.</summary>
    public DateOnly DateIn(DateOnly month)
    {
        if (Week > 0)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            return first.AddDays(((int)Day - (int)first.DayOfWeek + 7) % 7 + 7 * (Week - 1));
        }
        var last = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)Day + 7) % 7));
    }

    /// <summary>The instant of the wall-clock time on that day: a time skipped by the spring change moves an hour later.</summary>
    public DateTimeOffset At(DateOnly date) => QuebecTime.At(date, new TimeOnly(Hour, Minute)).ToUniversalTime();
}
