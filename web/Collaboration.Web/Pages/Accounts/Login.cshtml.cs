using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collaboration.Web.Pages.Accounts;

/// <summary>
/// The login page. The address to go back to after signing in is checked here, on the server, with
/// ASP.NET Core's <see cref="IUrlHelper.IsLocalUrl"/> rules, then once more after dot segments,
/// encoded dots and backslashes: browsers resolve <c>/.//evil.example</c>, <c>/%2e//evil.example</c>
/// or <c>/x/..//evil.example</c> to <c>//evil.example</c>, another site, though each is "local" to
/// <c>IsLocalUrl</c>. The page's script follows only this checked address (and checks it again).
/// </summary>
public sealed class LoginModel : PageModel
{
    /// <summary>Where to go after signing in: a local path, or "/".</summary>
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = IsSafe(returnUrl) ? returnUrl! : "/";

    private bool IsSafe(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !Url.IsLocalUrl(returnUrl) || !returnUrl.StartsWith('/')) return false;
        var path = Uri.UnescapeDataString(returnUrl.Split('?', '#')[0]);
        if (path.Contains('\\') || path.Contains("//", StringComparison.Ordinal)) return false;
        var segments = path.Split('/');
        return !segments.Any(s => s is "." or "..") && path != "/login.html";
    }
}
