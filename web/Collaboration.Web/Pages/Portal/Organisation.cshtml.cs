using Collaboration.Grains.Partners;
using Collaboration.Web.Accounts;
using Collaboration.Web.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Portal;

/// <summary>One organisation's public page; a non-public one does not exist for the public (404), organisers see it with a notice.</summary>
public sealed class OrganisationModel(PartnersService partners) : PageModel
{
    public PartnerDirectoryEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var entry = slug.Length <= 120 ? await partners.Directory.FindBySlugAsync(slug) : null;
        if (entry is null || (!entry.Profile.IsPublic && !User.IsInRole(Roles.Organiser))) return NotFound();
        Entry = entry;
        return Page();
    }
}
