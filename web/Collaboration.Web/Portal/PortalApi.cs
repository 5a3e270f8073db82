using Collaboration.Grains.Platform;
using System.Globalization;
using Collaboration.Grains.Portal;
using Collaboration.Web.Accounts;
using Collaboration.Web.Coordination;
using Collaboration.Web.Partners;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Portal;

/// <summary>The portal's own texts: the about page and the news (anyone reads; organisers write).</summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal").WithTags("Portal");
        portal.MapGet("/content", GetAsync);
        portal.MapPut("/about", SetAboutAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        portal.MapPost("/news", CreateNewsAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        portal.MapPut("/news/{id:guid}", UpdateNewsAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        portal.MapDelete("/news/{id:guid}", DeleteNewsAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        return app;
    }

    public sealed record NewsCreated(Guid Id, string Slug);

    /// <summary>Everything written; news dated later than today only for organisers (scheduled).</summary>
    private static async Task<Ok<PortalContentView>> GetAsync(HttpContext http, IGrainFactory grains, TimeProvider clock)
    {
        var content = await Content(grains).GetAsync();
        return TypedResults.Ok(http.User.IsInRole(Roles.Organiser) ? content : content with { News = [.. content.News.Where(n => n.PublishedOn <= QuebecTime.Today(clock))] });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAboutAsync(PortalTextRequest request, IGrainFactory grains)
    {
        var (text, errors) = request.Validate();
        if (text is null) return Problems.Validation(errors);
        return Outcome(await Content(grains).SetAboutAsync(text, request.ExpectedVersion!.Value));
    }

    private static async Task<Results<Created<NewsCreated>, ProblemHttpResult>> CreateNewsAsync(PortalTextRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var (text, errors) = request.Validate(requireVersion: false);
        var publishedOn = PublishedOn(errors, request.PublishedOn, clock);
        if (text is null || errors.Count > 0) return Problems.Validation(errors);
        var id = Guid.NewGuid();
        var slug = PartnersService.Slug(text.TitleFr);
        var content = Content(grains);
        var outcome = await content.SaveNewsAsync(id, slug, text, publishedOn, 0);
        if (outcome == PortalContentOutcome.SlugTaken)
            outcome = await content.SaveNewsAsync(id, slug = $"{slug}-{publishedOn:yyyy-MM-dd}-{id.ToString()[..4]}", text, publishedOn, 0);
        if (outcome == PortalContentOutcome.Done) return TypedResults.Created($"/nouvelles/{slug}", new NewsCreated(id, slug));
        return Problems.Create(StatusCodes.Status400BadRequest, "invalid-text", "Texte invalide.", "Invalid text.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateNewsAsync(Guid id, PortalTextRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var (text, errors) = request.Validate();
        var publishedOn = PublishedOn(errors, request.PublishedOn, clock);
        if (text is null || errors.Count > 0) return Problems.Validation(errors);
        var existing = (await Content(grains).GetAsync()).News.FirstOrDefault(n => n.Id == id);
        if (existing is null) return Outcome(PortalContentOutcome.NotFound);
        return Outcome(await Content(grains).SaveNewsAsync(id, existing.Slug, text, publishedOn, request.ExpectedVersion!.Value));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteNewsAsync(Guid id, IGrainFactory grains) =>
        Outcome(await Content(grains).DeleteNewsAsync(id));

    private static IPortalContentGrain Content(IGrainFactory grains) => grains.GetGrain<IPortalContentGrain>("default");

    private static DateOnly PublishedOn(Dictionary<string, BilingualText> errors, string? value, TimeProvider clock) =>
        DateInput.Parse(errors, "publishedOn", value, clock.GetUtcNow()) ?? QuebecTime.Today(clock);

    private static Results<NoContent, ProblemHttpResult> Outcome(PortalContentOutcome outcome) => outcome switch
    {
        PortalContentOutcome.Done => TypedResults.NoContent(),
        PortalContentOutcome.Stale => Problems.Create(StatusCodes.Status409Conflict, "stale",
            "Quelqu'un a modifié ce texte entre-temps. Rechargez la page : rien n'a été écrasé.",
            "Someone changed this text in the meantime. Reload the page: nothing was overwritten."),
        PortalContentOutcome.NotFound => Problems.Create(StatusCodes.Status404NotFound, "news-not-found", "Nouvelle introuvable.", "News item not found."),
        _ => Problems.Create(StatusCodes.Status400BadRequest, "invalid-text", "Texte invalide.", "Invalid text."),
    };
}
