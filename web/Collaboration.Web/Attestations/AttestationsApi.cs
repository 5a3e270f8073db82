using Collaboration.Grains.Colloque;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Colloque;
using Collaboration.Web.Platform;
using Collaboration.Web.Workshops;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Attestations;

/// <summary>
/// Attestations: the person's own from their manage link (token in <c>X-Manage-Token</c>), the organiser's list, one PDF or
/// all as a ZIP, and the public verification by code (validity only).
/// </summary>
public static class AttestationsApi
{
    public const string PdfType = "application/pdf";

    public static IEndpointRouteBuilder MapAttestationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/registrations/{id}/attestation.pdf", WorkshopOwnAsync).WithTags("Attestations").RequireRateLimiting(RateLimits.RegistrationReads);
        app.MapGet("/api/signups/{code}/attestation.pdf", ColloqueOwnAsync).WithTags("Attestations").RequireRateLimiting(RateLimits.RegistrationReads);
        app.MapGet("/api/attestations/verify/{code}", VerifyAsync).WithTags("Attestations").RequireRateLimiting(RateLimits.PublicReads);

        var organiser = app.MapGroup("/api/attestations").WithTags("Attestations").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        organiser.MapGet("/{subject}", ListAsync);
        organiser.MapGet("/{subject}/all.zip", ZipAsync);
        organiser.MapGet("/{subject}/{reference}.pdf", OneAsync);
        return app;
    }

    public sealed record AttestationRow(string Reference, string Name, string Organisation, string Code, string VerifyUrl);

    public sealed record Verification(bool Valid);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> WorkshopOwnAsync(string id, HttpRequest http, IGrainFactory grains, Attestations attestations)
    {
        if (!RegistrationIds.TryParse(id, out var sessionId, out var code) || ManageToken.HashFrom(http) is not { } hash) return NotFound();
        var own = await grains.GetGrain<IWorkshopSessionGrain>(sessionId).GetRegistrationAsync(code, hash);
        if (own.Result != RegistrationResult.Ok) return NotFound();
        return await PdfAsync(attestations, EventSubject.Workshop(sessionId), code);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ColloqueOwnAsync(string code, HttpRequest http, IGrainFactory grains, Attestations attestations)
    {
        code = RegistrationCodes.Normalize(code);
        if (ManageToken.HashFrom(http) is not { } hash || await grains.GetGrain<IRegistrationGrain>(code).OpenAsync(hash) is not { } view) return NotFound();
        return await PdfAsync(attestations, EventSubject.Colloque(view.ColloqueId), code);
    }

    private static async Task<Ok<Verification>> VerifyAsync(string code, Attestations attestations) =>
        TypedResults.Ok(new Verification(await attestations.VerifyAsync(code)));

    private static async Task<Results<Ok<List<AttestationRow>>, ProblemHttpResult>> ListAsync(string subject, Attestations attestations)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return NotFound();
        return TypedResults.Ok((await attestations.AllAsync(parsed))
            .Select(d => new AttestationRow(d.Reference, d.Name, d.Organisation, d.Code, d.VerifyUrl.ToString())).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OneAsync(string subject, string reference, Attestations attestations)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return NotFound();
        return await PdfAsync(attestations, parsed, reference);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ZipAsync(string subject, Attestations attestations)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return NotFound();
        var all = await attestations.AllAsync(parsed);
        if (all.Count == 0)
            return Problems.Create(StatusCodes.Status404NotFound, "no-attestation", "Personne n'a été marqué présent.", "Nobody was marked present.");
        return TypedResults.File(attestations.Zip(all), "application/zip", $"attestations-{parsed.Kind.ToString().ToLowerInvariant()}-{parsed.Id:N}.zip");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(Attestations attestations, EventSubject subject, string reference)
    {
        if (await attestations.ForAsync(subject, reference) is not { } doc)
            return Problems.Create(StatusCodes.Status404NotFound, "no-attestation",
                "Aucune attestation : la présence n'a pas été enregistrée.", "No certificate: attendance was not recorded.");
        return TypedResults.File(attestations.Pdf(doc), PdfType, AttestationPdf.FileName(doc));
    }

    /// <summary>A wrong token, an unknown registration and another person's code get the same answer.</summary>
    private static ProblemHttpResult NotFound() => Problems.Create(StatusCodes.Status404NotFound, "registration-not-found",
        "Inscription introuvable.", "Registration not found.");
}
