using Collaboration.Grains.Partners;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Portal;
using Collaboration.Web.Coordination;
using Collaboration.Web.Partners;
using Collaboration.Web.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Home;

/// <summary>The public portal's front page: upcoming events, the directory's search and map, the latest news.</summary>
public sealed class PortalHomeModel(UpcomingEvents events, PartnersService partners, IGrainFactory grains, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UpcomingEvent> Events { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<NewsItem> News { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Events = await events.ListAsync();
        Counts = (await partners.Directory.SearchAsync(new PartnerQuery(Take: 0))).ByMrc.ToDictionary(p => PartnerCodes.Code(p.Key), p => p.Value);
        News = [.. (await grains.GetGrain<IPortalContentGrain>("default").GetAsync()).News.Where(n => n.PublishedOn <= QuebecTime.Today(clock)).Take(3)];
    }
}
