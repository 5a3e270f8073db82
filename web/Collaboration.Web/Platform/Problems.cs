using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Platform;

/// <summary>
/// RFC 7807 problem details that speak French and English: <c>messages.fr</c> and
/// <c>messages.en</c> are always there, <c>title</c> is in the language the caller prefers
/// (French unless Accept-Language asks for English), and <c>code</c> is stable for programs.
/// </summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string fr, string en) =>
        TypedResults.Problem(statusCode: status, title: fr, extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["messages"] = new BilingualText(fr, en),
        });

    /// <summary>400 with one bilingual message per invalid field.</summary>
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, BilingualText> errors) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
            title: "Certains champs sont invalides.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "validation",
                ["messages"] = new BilingualText("Certains champs sont invalides.", "Some fields are invalid."),
                ["errors"] = errors,
            });

    /// <summary>400 naming one invalid field.</summary>
    public static ProblemHttpResult Invalid(string field, BilingualText message) =>
        Validation(new Dictionary<string, BilingualText> { [field] = message });

    /// <summary>The problem for a bare status (what the framework would have answered), with our code and messages.</summary>
    public static ProblemHttpResult ForStatus(int status)
    {
        var (code, fr, en) = StatusProblems.For(status);
        return Create(status, code, fr, en);
    }

    public static ProblemHttpResult Unauthorized() =>
        Create(StatusCodes.Status401Unauthorized, "unauthenticated",
            "Connectez-vous pour continuer.", "Sign in to continue.");

    public static ProblemHttpResult Forbidden() =>
        Create(StatusCodes.Status403Forbidden, "forbidden",
            "Vous n'avez pas accès à cette ressource.", "You do not have access to this resource.");

    /// <summary>Puts <c>title</c> in the caller's language; registered on AddProblemDetails.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        // The framework's own answers (404 of a route constraint, 405, 415…) get our code and messages too.
        if (!context.ProblemDetails.Extensions.ContainsKey("code"))
        {
            var (code, fr, en) = StatusProblems.For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            context.ProblemDetails.Extensions["code"] = code;
            context.ProblemDetails.Extensions["messages"] = new BilingualText(fr, en);
        }
        if (context.ProblemDetails.Extensions.TryGetValue("messages", out var value) && value is BilingualText messages)
            context.ProblemDetails.Title = PrefersEnglish(context.HttpContext.Request) ? messages.En : messages.Fr;
    }

    public static bool PrefersEnglish(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        var best = languages.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault();
        return best is not null && best.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }
}

public sealed record BilingualText(string Fr, string En);
