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
}
