using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Coordination;

namespace Collaboration.Web.Portal;

/// <summary>The workshops still to come (not cancelled) and the colloques from today on, soonest first.</summary>
public sealed class UpcomingEvents(IGrainFactory grains, TimeProvider clock)
{
    public async Task<IReadOnlyList<UpcomingEvent>> ListAsync(int max = 6)
    {
        var now = clock.GetUtcNow();
        var events = new List<UpcomingEvent>();
        foreach (var id in await grains.GetGrain<IWorkshopCatalogGrain>("all").ListAsync())
        {
            var view = await grains.GetGrain<IWorkshopSessionGrain>(id).GetAsync();
            if (view is null || view.Details.EndsAt < now || view.Counts.Status is WorkshopStatus.Cancelled or WorkshopStatus.Done) continue;
            events.Add(new UpcomingEvent("workshop", id, view.Details.TitleFr, view.Details.TitleEn, view.Details.StartsAt,
                view.Details.Place ?? "", $"/workshops/session.html?id={id}", view.Counts, view.Details.RegistrationClosesAt));
        }
        foreach (var colloque in await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync())
        {
            if (colloque.Date < QuebecTime.Today(clock)) continue;
            var starts = QuebecTime.At(colloque.Date, new TimeOnly(8, 30));
            events.Add(new UpcomingEvent("colloque", colloque.Id, colloque.Title, colloque.Title, starts, colloque.Venue, "", null, null));
        }
        return [.. events.OrderBy(e => e.StartsAt).Take(max)];
    }
}
