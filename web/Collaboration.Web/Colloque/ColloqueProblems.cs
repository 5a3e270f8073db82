using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque API's "not found" answers, in both languages.</summary>
public static class ColloqueProblems
{
    internal static ProblemHttpResult NotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-colloque", "Colloque introuvable.", "Colloque not found.");

    internal static ProblemHttpResult UnknownDesk() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-desk", "Accueil introuvable.", "Desk not found.");

    internal static ProblemHttpResult UnknownCode() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-code", "Aucune inscription sous ce code.", "No registration under this code.");
}
