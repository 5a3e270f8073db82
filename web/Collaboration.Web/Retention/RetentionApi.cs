using Collaboration.Grains.Retention;
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
        return app;
    }

    public sealed record SettingsRequest(int? WorkshopRegistrationsMonths, int? ColloqueRegistrationsMonths, int? EvaluationLinksMonths);

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
