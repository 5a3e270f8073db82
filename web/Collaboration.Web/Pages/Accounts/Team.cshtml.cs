using Collaboration.Grains.Accounts;
using Collaboration.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Accounts;

/// <summary>The organisers' team page: the accounts with their state and last sign-in, the invitation form, one's own second factor.</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class TeamModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<OrganiserSummary> Organisers { get; private set; } = [];

    public OrganiserSummary? Me { get; private set; }

    public async Task OnGetAsync()
    {
        Organisers = await grains.GetGrain<IOrganiserDirectoryGrain>(OrganiserDirectoryGrain.Key).ListAsync();
        var email = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        Me = Organisers.FirstOrDefault(o => o.Email == email);
    }
}
