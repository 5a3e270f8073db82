using Collaboration.Web.Workshops;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Workshops;

/// <summary>The public catalogue, rendered with its sessions (readable without JavaScript); the page's script keeps the seats live.</summary>
public sealed class CatalogueModel(IGrainFactory grains, TimeProvider clock) : PageModel
{
    public IReadOnlyList<WorkshopSummary> Sessions { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Sessions = await WorkshopCatalog.ListAsync(grains, Now, includePast: false);
    }
}
