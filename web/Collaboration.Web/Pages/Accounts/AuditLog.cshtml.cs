using Collaboration.Grains.Audit;
using Collaboration.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Accounts;

/// <summary>The audit log for organisers: who did what to accounts and partner organisations, newest first, <see cref="PageSize"/> a page (<c>?page=</c>).</summary>
[Authorize(Policy = AuthenticationSetup.OrganiserPolicy)]
public sealed class AuditLogModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 50;

    public AuditPage Log { get; private set; } = new(0, []);

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Log.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int? page)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 100_000);
        Log = await grains.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).GetPageAsync((PageNumber - 1) * PageSize, PageSize);
    }
}
