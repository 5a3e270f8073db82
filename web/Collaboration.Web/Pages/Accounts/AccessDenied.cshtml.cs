using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Accounts;

/// <summary>
/// Where a signed-in person lands on an organiser-only page (the Orleans dashboard, the team page…):
/// a 403 that says so in French and English, instead of the framework's missing /Account/AccessDenied.
/// </summary>
public sealed class AccessDeniedModel : PageModel
{
    /// <summary>The sign-in page, coming back to the refused page (the login page keeps only a local path).</summary>
    public string SignInHref { get; private set; } = "/login.html";

    public void OnGet(string? returnUrl)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal))
            SignInHref = $"/login.html?returnUrl={Uri.EscapeDataString(returnUrl)}";
    }
}
