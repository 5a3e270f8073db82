using Collaboration.Grains.Portal;
using Collaboration.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Portal;

/// <summary>The organiser's page for the portal's texts: the about page and the news, FR and EN (saved through /api/portal).</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class AdminModel(IGrainFactory grains) : PageModel
{
    public PortalContentView Texts { get; private set; } = null!;

    public async Task OnGetAsync() => Texts = await grains.GetGrain<IPortalContentGrain>("default").GetAsync();
}
