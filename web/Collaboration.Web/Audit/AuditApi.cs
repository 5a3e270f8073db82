using Collaboration.Grains.Audit;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Audit;

/// <summary>The audit log of organiser accounts and partner organisations, newest first, for organisers only.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", GetPageAsync).WithTags("Audit").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> GetPageAsync(IGrainFactory grains, int? skip, int? take)
    {
        if (skip is < 0) return Problems.Invalid("skip", new("skip ≥ 0.", "skip ≥ 0."));
        if (take is < 1 or > AuditLogGrain.MaxPage)
            return Problems.Invalid("take", new($"take de 1 à {AuditLogGrain.MaxPage}.", $"take from 1 to {AuditLogGrain.MaxPage}."));
        return TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).GetPageAsync(skip ?? 0, take ?? 50));
    }
}
