using Collaboration.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Evaluations;

/// <summary>The organiser's evaluations: pick an event, build its form, follow the answers live, produce the attestations.</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class AdminModel : PageModel
{
    public void OnGet()
    {
    }
}
