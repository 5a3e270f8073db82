using Collaboration.Grains.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Portal;

public sealed class AboutModel(IGrainFactory grains) : PageModel
{
    public PortalText? About { get; private set; }

    public async Task OnGetAsync() => About = (await grains.GetGrain<IPortalContentGrain>("default").GetAsync()).About;
}
