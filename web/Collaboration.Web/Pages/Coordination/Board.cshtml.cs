using Collaboration.Web.Coordination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Coordination;

/// <summary>The coordination board, rendered on the server with its filters (GET parameters, as the API takes them); the page's script keeps it live.</summary>
[Authorize]
public sealed class BoardModel(CoordinationService coordination) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Table { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mrc { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? DueFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? DueTo { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public BoardResponse Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = await coordination.ScopeAsync(User);
        if (scope is null || (Table is { } t && scope.AccessTo(t) is null)) return StatusCode(StatusCodes.Status403Forbidden);
        var (filter, _) = BoardFilter.Parse(Table, Mrc, Organisation, Owner, DueFrom, DueTo, Overdue, Status);
        Board = await coordination.BoardAsync(scope, filter ?? new BoardFilter(Table));
        return Page();
    }
}
