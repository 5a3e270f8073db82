using Collaboration.Web.Coordination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Coordination;

/// <summary>One organisation's page for the coordination (as GET /api/board/organisations/{id}): people, items, meetings, workshops.</summary>
[Authorize]
public sealed class OrganisationModel(CoordinationService coordination, OrganisationActivityReader reader) : PageModel
{
    public OrganisationActivity Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var scope = await coordination.ScopeAsync(User);
        if (scope is null) return StatusCode(StatusCodes.Status403Forbidden);
        var activity = await reader.ReadAsync(scope, id);
        if (activity is null) return NotFound();
        if (!scope.Organiser && activity.People.Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        Activity = activity;
        return Page();
    }
}
