using Collaboration.Grains.Platform;
using Collaboration.Grains.Portal;
using Collaboration.Web.Accounts;
using Collaboration.Web.Coordination;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Portal;

/// <summary>One news item; one dated later than today exists only for organisers (a preview).</summary>
public sealed class NewsItemModel(IGrainFactory grains, TimeProvider clock) : PageModel
{
    public NewsItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var item = (await grains.GetGrain<IPortalContentGrain>("default").GetAsync()).News.FirstOrDefault(n => n.Slug == slug);
        if (item is null || (item.PublishedOn > QuebecTime.Today(clock) && !User.IsInRole(Roles.Organiser))) return NotFound();
        Item = item;
        return Page();
    }
}
