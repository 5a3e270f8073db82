using Collaboration.Grains.Workshops;
using Collaboration.Web.Workshops;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Workshops;

/// <summary>One session, rendered with its details (readable without JavaScript); the page's script keeps the seats live and runs the form.</summary>
public sealed class SessionModel(IGrainFactory grains, TimeProvider clock) : PageModel
{
    /// <summary>The session, or null when the id is missing or unknown (the page says so).</summary>
    public WorkshopSummary? Session { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(string? id)
    {
        Now = clock.GetUtcNow();
        if (Guid.TryParse(id, out var sessionId) && await grains.GetGrain<IWorkshopSessionGrain>(sessionId).GetAsync() is { } view)
            Session = WorkshopSummary.From(view);
    }
}
