using Collaboration.Grains.Workshops;
using Collaboration.Web.Calendar;

namespace Collaboration.Web.Workshops;

/// <summary>A workshop session as a calendar entry: no personal data, so the file is public.</summary>
public static class WorkshopCalendar
{
    /// <summary>The session as the public file shows it (imported from the page).</summary>
    public static string Uid(Guid sessionId) => $"{sessionId:D}@concertation";

    /// <summary>One registrant's event, as their emails attach it: their cancellation and a later new registration are their own.</summary>
    public static string RegistrationUid(Guid sessionId, string code) => $"{sessionId:D}-{code}@concertation";

    public static CalendarEntry Entry(Guid sessionId, WorkshopDetails d, int sequence, bool cancelled, Uri pageUrl) => new(
        Uid(sessionId), sequence, d.StartsAt, d.EndsAt, $"{d.TitleFr} / {d.TitleEn}",
        $"{d.DescriptionFr}\n\n{d.DescriptionEn}\n\n{pageUrl}",
        string.Join(" — ", new[] { d.Place, d.OnlineLink }.Where(s => !string.IsNullOrWhiteSpace(s))), pageUrl, cancelled);

    public static string Build(WorkshopView view, Uri pageUrl, DateTimeOffset now, CalendarOrganizer organizer) =>
        CalendarFile.Build(Entry(view.Id, view.Details, view.CalendarSequence, view.Counts.Status == WorkshopStatus.Cancelled, pageUrl), now, organizer);
}
