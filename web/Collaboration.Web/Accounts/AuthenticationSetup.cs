using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Collaboration.Web.Accounts;

public static class AuthenticationSetup
{
    public const string CookieName = "concertation.auth";
    public const string OrganiserPolicy = "organiser";

    /// <summary>
    /// Cookie authentication: HttpOnly, SameSite=Lax, Secure whenever the request is HTTPS. API and
    /// hub calls get 401/403 problem details instead of a redirect to the sign-in page.
    /// </summary>
    public static IServiceCollection AddConcertationAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.LoginPath = "/login.html";
            options.AccessDeniedPath = "/acces-refuse"; // a bilingual 403 page (the default /Account/AccessDenied does not exist)
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
            options.Events.OnRedirectToLogin = context => Challenge(context, Platform.Problems.Unauthorized());
            options.Events.OnRedirectToAccessDenied = context => Challenge(context, Platform.Problems.Forbidden());
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(OrganiserPolicy, policy => policy.RequireRole(Roles.Organiser));
        return services;
    }

    /// <summary>Every request: the cookie's server-side session must still be active (see <see cref="Sessions"/>).</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (await sessions.IsActiveAsync(Sessions.IdOf(context.Principal))) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, IResult problem)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
            return problem.ExecuteAsync(context.HttpContext);
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
