using Collaboration.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Retention;

/// <summary>Law 25: the retention periods, the dry run, a run now, and the audit log.</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class ConservationModel : PageModel
{
    public void OnGet()
    {
    }
}
