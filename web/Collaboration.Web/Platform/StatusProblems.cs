namespace Collaboration.Web.Platform;

/// <summary>
/// The bilingual code and message of each HTTP error the framework answers by itself (no route,
/// wrong method, wrong content type, too large…), so even those are problem details with a code.
/// </summary>
public static class StatusProblems
{
    public static (string Code, string Fr, string En) For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("bad-request",
            "La requête est mal formée (JSON ou paramètres invalides).", "The request is malformed (invalid JSON or parameters)."),
        StatusCodes.Status401Unauthorized => ("unauthenticated", "Connectez-vous pour continuer.", "Sign in to continue."),
        StatusCodes.Status403Forbidden => ("forbidden", "Vous n'avez pas accès à cette ressource.", "You do not have access to this resource."),
        StatusCodes.Status404NotFound => ("not-found", "Cette adresse n'existe pas.", "This address does not exist."),
        StatusCodes.Status405MethodNotAllowed => ("method-not-allowed",
            "Cette méthode HTTP n'est pas permise à cette adresse.", "This HTTP method is not allowed at this address."),
        StatusCodes.Status406NotAcceptable => ("not-acceptable", "Format de réponse non disponible.", "Response format not available."),
        StatusCodes.Status408RequestTimeout => ("request-timeout", "La requête a pris trop de temps.", "The request took too long."),
        StatusCodes.Status409Conflict => ("conflict", "Conflit avec l'état actuel.", "Conflict with the current state."),
        StatusCodes.Status413PayloadTooLarge => ("payload-too-large", "La requête est trop volumineuse.", "The request is too large."),
        StatusCodes.Status414UriTooLong => ("uri-too-long", "L'adresse demandée est trop longue.", "The requested address is too long."),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type",
            "Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).",
            "Unsupported content type: send JSON (Content-Type: application/json)."),
        StatusCodes.Status429TooManyRequests => ("rate-limited", "Trop de requêtes. Réessayez dans un instant.", "Too many requests. Try again shortly."),
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ("headers-too-large",
            "Les en-têtes de la requête sont trop volumineux.", "The request headers are too large."),
        StatusCodes.Status503ServiceUnavailable => ("service-unavailable",
            "Le service est momentanément indisponible : réessayez dans un instant.", "The service is briefly unavailable: please try again in a moment."),
        >= 500 => ("internal-error", "Une erreur inattendue est survenue.", "An unexpected error occurred."),
        _ => ("error", "La requête n'a pas abouti.", "The request did not succeed."),
    };
}
