using Collaboration.Grains.Platform;
using Collaboration.Grains.Portal;
using Collaboration.Web.Coordination;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Portal;

/// <summary>The news published up to today, newest first.</summary>
public sealed class NewsModel(IGrainFactory grains, TimeProvider clock) : PageModel
{
    public IReadOnlyList<NewsItem> News { get; private set; } = [];

    public async Task OnGetAsync() =>
        News = [.. (await grains.GetGrain<IPortalContentGrain>("default").GetAsync()).News.Where(n => n.PublishedOn <= QuebecTime.Today(clock))];
}
