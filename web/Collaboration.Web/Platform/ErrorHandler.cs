using Collaboration.Grains.Platform;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Collaboration.Web.Platform;

/// <summary>Turns the errors that escape a handler into bilingual problem details.</summary>
public sealed class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, fr, en) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "bad-request",
                "La requête est mal formée (JSON ou paramètres invalides).", "The request is malformed (invalid JSON or parameters)."),
            // A write failed, or a grain could not load its state (the silo's storage says which, see UnavailableStorageTranslation).
            _ when IsStorageFailure(exception) => (StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
                "Le stockage est momentanément indisponible : rien n'a été enregistré. Réessayez dans un instant.",
                "Storage is briefly unavailable: nothing was saved. Please try again in a moment."),
            // The grain's silo died or the cluster is (re)forming: nothing was answered, try again.
            OrleansException or TimeoutException => (StatusCodes.Status503ServiceUnavailable,
                "cluster-unavailable",
                "Le service est momentanément indisponible : réessayez dans un instant.",
                "The service is briefly unavailable: please try again in a moment."),
            _ => (StatusCodes.Status500InternalServerError, "internal-error",
                "Une erreur inattendue est survenue.", "An unexpected error occurred."),
        };
        if (status >= 500) logger.LogError(exception, "Request failed with {Code}", code);

        var problem = Problems.Create(status, code, fr, en).ProblemDetails;
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static bool IsStorageFailure(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is GrainStorageUnavailableException) return true;
        return false;
    }
}
