using System.Text.Json;
using Collaboration.Grains.Platform;
using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Collaboration.Web.Platform;

/// <summary>Turns the errors that escape a handler into bilingual problem details.</summary>
public sealed class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ProblemFor(exception);
        var status = problem.StatusCode;
        if (status >= 500) logger.LogError(exception, "Request failed with {Code}", problem.ProblemDetails.Extensions["code"]);
        else logger.LogDebug("Request refused with {Status}: {Reason}", status, exception.Message);

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new() { HttpContext = httpContext, ProblemDetails = problem.ProblemDetails, Exception = exception });
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ProblemFor(Exception exception)
    {
        if (Find<TextInputException>(exception) is { } refused)
            return Problems.Invalid(TextInputException.FieldOf(refused), refused.Reason);
        // A body over Kestrel's limit surfaces inside the 400 "failed to read parameter": answer its own 413.
        if (Innermost<BadHttpRequestException>(exception) is { StatusCode: not StatusCodes.Status400BadRequest } inner)
            return Problems.ForStatus(inner.StatusCode);
        return exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when Find<JsonException>(bad) is { } json =>
                MalformedJson(TextInputException.FieldOf(json)),
            BadHttpRequestException bad => Problems.ForStatus(bad.StatusCode),
            // A write failed, or a grain could not load its state (the silo's storage says which, see UnavailableStorageTranslation).
            _ when Find<GrainStorageUnavailableException>(exception) is not null => Problems.Create(StatusCodes.Status503ServiceUnavailable,
                "storage-unavailable",
                "Le stockage est momentanément indisponible : rien n'a été enregistré. Réessayez dans un instant.",
                "Storage is briefly unavailable: nothing was saved. Please try again in a moment."),
            // The grain's silo died or the cluster is (re)forming: nothing was answered, try again.
            OrleansException or TimeoutException => Problems.Create(StatusCodes.Status503ServiceUnavailable, "cluster-unavailable",
                "Le service est momentanément indisponible : réessayez dans un instant.",
                "The service is briefly unavailable: please try again in a moment."),
            _ => Problems.ForStatus(StatusCodes.Status500InternalServerError),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult MalformedJson(string field)
    {
        var (code, fr, en) = StatusProblems.For(StatusCodes.Status400BadRequest);
        var problem = Problems.Create(StatusCodes.Status400BadRequest, code, fr, en);
        problem.ProblemDetails.Extensions["errors"] = new Dictionary<string, BilingualText>
        {
            [field] = new("Valeur illisible (JSON invalide ou type inattendu).", "Unreadable value (invalid JSON or unexpected type)."),
        };
        return problem;
    }

    private static T? Innermost<T>(Exception exception) where T : Exception
    {
        T? found = null;
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is T match) found = match;
        return found;
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
