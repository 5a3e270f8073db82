namespace Collaboration.Web.Layout;

/// <summary>
/// The language a page is rendered in: <c>?lang=fr|en</c> (remembered in the <c>concertation.lang</c>
/// cookie), else that cookie (also set by the client's language switch), else French.
/// </summary>
public static class RequestLanguage
{
    public const string French = "fr";
    public const string English = "en";
    public const string Default = French;
    public const string CookieName = "concertation.lang";
    public static readonly IReadOnlyList<string> All = [French, English];

    private static readonly object ItemKey = new();

    /// <summary>Resolves the request's language once, before the endpoints run, and remembers a <c>?lang=</c> choice.</summary>
    public static IApplicationBuilder UseRequestLanguage(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var asked = context.Request.Query["lang"].ToString();
        string language;
        if (All.Contains(asked))
        {
            language = asked;
            // Not HttpOnly: the client's language switch writes the same cookie.
            context.Response.Cookies.Append(CookieName, language, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
        }
        else
        {
            var cookie = context.Request.Cookies[CookieName];
            language = cookie is not null && All.Contains(cookie) ? cookie : Default;
        }
        context.Items[ItemKey] = language;
        return next(context);
    });

    /// <summary>The request's language, <c>fr</c> or <c>en</c>.</summary>
    public static string Language(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is string language ? language : Default;

    /// <summary>The other language, the one the language switch offers.</summary>
    public static string Other(string language) => language == French ? English : French;
}
