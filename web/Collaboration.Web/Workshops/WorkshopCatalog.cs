using Collaboration.Grains.Workshops;

namespace Collaboration.Web.Workshops;

/// <summary>The sessions the catalogue lists: the API's GET /api/workshops and the server-rendered catalogue page.</summary>
public static class WorkshopCatalog
{
    /// <summary>Every session by start, only the upcoming ones unless includePast.</summary>
    public static async Task<List<WorkshopSummary>> ListAsync(IGrainFactory grains, DateTimeOffset now, bool includePast)
    {
        var ids = await grains.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).ListAsync();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWorkshopSessionGrain>(id).GetAsync()));
        return views
            .Where(v => v is not null && (includePast || (v.Details.EndsAt > now && v.Counts.Status != WorkshopStatus.Done)))
            .OrderBy(v => v!.Details.StartsAt)
            .Select(v => WorkshopSummary.From(v!))
            .ToList();
    }
}
