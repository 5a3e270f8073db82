using Collaboration.Web.Accounts;

namespace Collaboration.Web.Platform;

/// <summary>
/// Against cross-site request forgery: a state-changing API call that carries our auth cookie
/// must also carry <c>X-CSRF: 1</c>. A page of another origin cannot add that header without a
/// CORS preflight, and CORS stays closed. The hub refuses WebSocket upgrades from other origins.
/// An endpoint whose proof is a signed token rather than the cookie (the one-click unsubscribe, which a
/// mail client POSTs without any header, RFC 8058) is exempted by name with <see cref="ExemptFromCsrfHeader{TBuilder}"/>.
/// </summary>
public static class CsrfProtection
{
    public const string HeaderName = "X-CSRF";

    public static IApplicationBuilder UseCsrfProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !IsSafe(request.Method) &&
            request.Cookies.ContainsKey(AuthenticationSetup.CookieName) && request.Headers[HeaderName] != "1" &&
            context.GetEndpoint()?.Metadata.GetMetadata<CsrfExemption>() is null)
        {
            await Refuse(context, StatusCodes.Status400BadRequest, "csrf-header-missing",
                "En-tête X-CSRF manquant : requête refusée.", "Missing X-CSRF header: request refused.");
            return;
        }
        if (request.Path.StartsWithSegments("/hubs") && request.Headers.Origin is [{ } origin] && !IsSameOrigin(origin, request))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "cross-origin",
                "Connexion refusée depuis un autre site.", "Connection refused from another site.");
            return;
        }
        await next(context);
    });

    /// <summary>This endpoint's proof is not the cookie (see <see cref="CsrfExemption"/>): no X-CSRF header required.</summary>
    public static TBuilder ExemptFromCsrfHeader<TBuilder>(this TBuilder builder, string reason) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CsrfExemption(reason));

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext context, int status, string code, string fr, string en) =>
        Problems.Create(status, code, fr, en).ExecuteAsync(context);
}
