using Collaboration.Grains.Meetings;
using Collaboration.Web.Calendar;

namespace Collaboration.Web.Meetings;

/// <summary>A meeting as a calendar entry: as long as its agenda (an hour at least), the agenda as description.</summary>
public static class MeetingCalendar
{
    public static string Uid(Guid meetingId) => $"{meetingId:D}@concertation";

    public static CalendarEntry Entry(MeetingView m, Uri? url = null)
    {
        var minutes = Math.Max(60, m.Agenda.Sum(i => i.PlannedMinutes));
        var agenda = string.Join("\n", m.Agenda.Select((i, k) => $"{k + 1}. {i.Title}"));
        return new CalendarEntry(Uid(m.Id), m.NoticeSequence, m.StartsAt, m.StartsAt.AddMinutes(minutes), $"{m.TableName} — {m.Title}",
            agenda, m.Location, url, Cancelled: m.Status == MeetingStatus.Cancelled);
    }

    public static string SeriesUid(Guid tableId) => $"series-{tableId:D}@concertation";

    /// <summary>
    /// A table's series as one recurring event (RRULE in Québec time), from its first date, as long as its template; the dates
    /// whose meeting was created are left out (EXDATE): that meeting is its own event, with its notice's UID.
    /// </summary>
    public static CalendarEntry SeriesEntry(SeriesView s, string tableName, Uri? url = null)
    {
        var minutes = Math.Max(60, s.Template.Sum(i => i.PlannedMinutes));
        var agenda = string.Join("\n", s.Template.Select((i, k) => $"{k + 1}. {i.Title}"));
        return new CalendarEntry(SeriesUid(s.TableId), (int)Math.Min(int.MaxValue, s.Version), s.FirstStartsAt, s.FirstStartsAt.AddMinutes(minutes),
            $"{tableName} — {s.Title}", agenda, s.Location, url, Cancelled: false, Recurrence: s.Rule.RecurrenceRule,
            ExceptionDates: [.. s.Occurrences.Select(o => o.StartsAt)]);
    }
}
