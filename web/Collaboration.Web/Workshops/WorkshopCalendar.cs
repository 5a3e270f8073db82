using Collaboration.Grains.Workshops;
using Collaboration.Web.Platform;

namespace Collaboration.Web.Workshops;

/// <summary>An iCalendar file for one session: no personal data, so it is public.</summary>
public static class WorkshopCalendar
{
    public static string Build(WorkshopView view, Uri pageUrl, DateTimeOffset now)
    {
        var d = view.Details;
        var location = string.Join(" — ", new[] { d.Place, d.OnlineLink }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return CalendarFile.Build("Ateliers employeurs", now,
        [
            new CalendarEvent($"{view.Id:D}@concertation", d.StartsAt, d.EndsAt, $"{d.TitleFr} / {d.TitleEn}",
                $"{d.DescriptionFr}\n\n{d.DescriptionEn}\n\n{pageUrl}", location, pageUrl, view.Counts.Status == WorkshopStatus.Cancelled),
        ]);
    }
}
