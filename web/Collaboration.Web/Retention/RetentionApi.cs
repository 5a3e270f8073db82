using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Retention;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Retention;

/// <summary>Law 25 retention (organisers): the periods, the dry run, a run now, and the audit log (no personal data in it).</summary>
public static class RetentionApi
{
    public const string Key = "default";

    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var retention = app.MapGroup("/api/retention").WithTags("Retention").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        retention.MapGet("/", GetAsync);
        retention.MapPut("/settings", SetAsync);
        retention.MapGet("/preview", PreviewAsync);
        retention.MapPost("/run", RunAsync);
        retention.MapPost("/erasures", EraseAsync);
        return app;
    }

    public sealed record SettingsRequest(int? WorkshopRegistrationsMonths, int? ColloqueRegistrationsMonths, int? EvaluationLinksMonths);

    /// <summary>One person erased on request: the event (<c>workshop:{id}</c>, <c>colloque:{id}</c>) and their registration code.</summary>
    public sealed record ErasureRequest(string? Subject, string? Reference);

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(ErasureRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (!EventSubject.TryParse(request.Subject, out var subject) || subject.Kind == SubjectKind.Atelier)
            return Problems.Invalid("subject", new("Activité inconnue (atelier d'employeurs ou colloque).", "Unknown event (employer workshop or colloque)."));
        var reference = SecretTokens.NormalizeCode(request.Reference ?? "");
        var known = subject.Kind == SubjectKind.Workshop
            ? (await grains.GetGrain<IWorkshopSessionGrain>(subject.Id).GetRegistrantsAsync()).Any(r => r.Code == reference)
            : await grains.GetGrain<IRegistrationGrain>(reference).GetAsync() is { } view && view.ColloqueId == subject.Id;
        if (!known) return Problems.Create(StatusCodes.Status404NotFound, "registration-not-found", "Inscription introuvable.", "Registration not found.");
        await grains.GetGrain<IRetentionGrain>(Key).EraseAsync(subject.Key, reference, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "organiser");
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RetentionView>> GetAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRetentionGrain>(Key).GetAsync());

    private static async Task<Results<Ok<RetentionView>, ProblemHttpResult>> SetAsync(SettingsRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        void Check(string field, int? months)
        {
            if (months is not (>= 1 and <= RetentionSettings.MaxMonths))
                errors[field] = new($"De 1 à {RetentionSettings.MaxMonths} mois.", $"From 1 to {RetentionSettings.MaxMonths} months.");
        }
        Check("workshopRegistrationsMonths", request.WorkshopRegistrationsMonths);
        Check("colloqueRegistrationsMonths", request.ColloqueRegistrationsMonths);
        Check("evaluationLinksMonths", request.EvaluationLinksMonths);
        if (errors.Count > 0) return Problems.Validation(errors);
        var grain = grains.GetGrain<IRetentionGrain>(Key);
        await grain.SetSettingsAsync(new RetentionSettings(request.WorkshopRegistrationsMonths!.Value, request.ColloqueRegistrationsMonths!.Value,
            request.EvaluationLinksMonths!.Value));
        return TypedResults.Ok(await grain.GetAsync());
    }

    private static async Task<Ok<IReadOnlyList<RetentionItem>>> PreviewAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRetentionGrain>(Key).PreviewAsync());

    private static async Task<Ok<IReadOnlyList<RetentionItem>>> RunAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IRetentionGrain>(Key).RunAsync(RetentionTrigger.Manual));
}
