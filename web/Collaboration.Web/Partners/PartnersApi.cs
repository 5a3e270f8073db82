using System.Security.Claims;
using Collaboration.Grains.Partners;
using Collaboration.Grains.Tables;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Web.Partners;

/// <summary>
/// The partner directory. Anyone searches and reads the public organisations (public fields only; a
/// non-public one is "not found", so its existence does not leak); organisers see and edit all.
/// </summary>
public static class PartnersApi
{
    public const int MaxQueryLength = 200;

    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/partners").WithTags("Partners");
        partners.MapGet("/", SearchAsync);
        partners.MapGet("/{slug}", GetAsync);
        partners.MapPost("/", CreateAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        partners.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        partners.MapGet("/duplicates", DuplicatesAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        partners.MapPost("/{id:guid}/merge", MergeAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        partners.MapPost("/member-matching", MatchMembersAsync).RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        app.MapPut("/api/tables/{tableId:guid}/members/{memberId:guid}/organisation", LinkMemberAsync)
            .WithTags("Partners").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        return app;
    }

    public sealed record SearchResponse(int Total, IReadOnlyList<object> Items, IReadOnlyDictionary<Mrc, int> ByMrc);

    public sealed record LinkRequest(Guid? OrganisationId);

    /// <summary>Merges the organisation of the address into <see cref="SurvivorId"/>; <see cref="ExpectedVersion"/>: the duplicate's version as seen.</summary>
    public sealed record MergeRequest(Guid? SurvivorId, long? ExpectedVersion);

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, PartnersService partners, string? q, string? mrc, [FromQuery] string[]? service, string? language,
        bool? all, int? skip, int? take)
    {
        var (query, problem) = ParseQuery(q, mrc, service, language, skip, take);
        if (problem is not null) return problem;
        var organiser = user.IsInRole(Roles.Organiser);
        if (all == true && !organiser) return Problems.Forbidden();
        var result = await partners.Directory.SearchAsync(query! with { IncludeNonPublic = all == true });
        return TypedResults.Ok(new SearchResponse(result.Total,
            [.. result.Items.Select(e => all == true ? (object)PartnerRecord.From(e) : PublicPartner.From(e))],
            result.ByMrc));
    }

    /// <summary>The query from URL parameters, or a 400 naming the bad one (shared with the portal pages).</summary>
    public static (PartnerQuery? Query, ProblemHttpResult? Problem) ParseQuery(
        string? q, string? mrc, IEnumerable<string>? services, string? language, int? skip, int? take)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (q?.Length > MaxQueryLength) errors["q"] = new($"{MaxQueryLength} caractères au plus.", $"{MaxQueryLength} characters at most.");
        Mrc? parsedMrc = null;
        if (!string.IsNullOrEmpty(mrc) && (parsedMrc = PartnerCodes.ParseMrc(mrc)) is null) errors["mrc"] = new("MRC inconnue.", "Unknown MRC.");
        var tags = (services ?? []).Where(s => !string.IsNullOrEmpty(s)).Select(PartnerCodes.ParseService).ToList();
        if (tags.Any(t => t is null)) errors["service"] = new("Service inconnu.", "Unknown service.");
        var lang = string.IsNullOrEmpty(language) ? null : language.Trim().ToLowerInvariant();
        if (lang is not null && !PartnerProfileRules.KnownLanguages.Contains(lang)) errors["language"] = new("Langue inconnue.", "Unknown language.");
        if (skip is < 0) errors["skip"] = new("skip ≥ 0.", "skip ≥ 0.");
        if (take is < 1 or > 200) errors["take"] = new("take de 1 à 200.", "take from 1 to 200.");
        if (errors.Count > 0) return (null, Problems.Validation(errors));
        return (new PartnerQuery(q, parsedMrc, [.. tags.Select(t => t!.Value).Distinct()], lang, false, skip ?? 0, take ?? 50), null);
    }

    private static async Task<Results<Ok<PublicPartner>, Ok<PartnerRecord>, ProblemHttpResult>> GetAsync(
        string slug, ClaimsPrincipal user, PartnersService partners)
    {
        var entry = slug.Length <= 120 ? await partners.Directory.FindBySlugAsync(slug) : null;
        if (user.IsInRole(Roles.Organiser) && entry is not null) return TypedResults.Ok(PartnerRecord.From(entry));
        return entry is { Profile.IsPublic: true } ? TypedResults.Ok(PublicPartner.From(entry)) : NotFound();
    }

    private static async Task<Results<Created<PartnerRecord>, ProblemHttpResult>> CreateAsync(
        PartnerRequest request, ClaimsPrincipal user, PartnersService partners)
    {
        var (profile, errors) = request.Validate();
        if (profile is null) return Problems.Validation(errors);
        var result = await partners.CreateAsync(profile, Organiser(user));
        return result.Outcome == PartnerOutcome.Done
            ? TypedResults.Created($"/api/partners/{result.Current!.Slug}", PartnerRecord.From(PartnerDirectoryEntry.From(result.Current)))
            : Problems.Create(StatusCodes.Status400BadRequest, "invalid-partner", "Organisme invalide.", "Invalid organisation.");
    }

    private static async Task<Results<Ok<PartnerRecord>, ProblemHttpResult>> UpdateAsync(
        Guid id, PartnerRequest request, ClaimsPrincipal user, PartnersService partners)
    {
        var (profile, errors) = request.Validate();
        if (request.ExpectedVersion is null) errors["expectedVersion"] = new("La version vue (expectedVersion) est requise.", "The version seen (expectedVersion) is required.");
        if (profile is null || errors.Count > 0) return Problems.Validation(errors);
        var result = await partners.UpdateAsync(id, profile, request.ExpectedVersion!.Value, Organiser(user));
        return result.Outcome switch
        {
            PartnerOutcome.Done => TypedResults.Ok(PartnerRecord.From(PartnerDirectoryEntry.From(result.Current!))),
            PartnerOutcome.Stale => Stale(result.Current!),
            PartnerOutcome.NotFound => NotFound(),
            PartnerOutcome.Merged => Merged(),
            _ => Problems.Create(StatusCodes.Status400BadRequest, "invalid-partner", "Organisme invalide.", "Invalid organisation."),
        };
    }

    private static async Task<Ok<IReadOnlyList<LikelyDuplicates>>> DuplicatesAsync(PartnersService partners) =>
        TypedResults.Ok(DuplicateFinder.Find(await partners.Directory.ListAsync()));

    private static async Task<Results<Ok<PartnerRecord>, ProblemHttpResult>> MergeAsync(
        Guid id, MergeRequest request, ClaimsPrincipal user, PartnersService partners)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.SurvivorId is not { } survivorId) errors["survivorId"] = new("Choisissez l'organisme qui reste.", "Choose the organisation that stays.");
        else if (survivorId == id) errors["survivorId"] = new("Un organisme ne se fusionne pas avec lui-même.", "An organisation cannot be merged with itself.");
        if (request.ExpectedVersion is null) errors["expectedVersion"] = new("La version vue (expectedVersion) est requise.", "The version seen (expectedVersion) is required.");
        if (errors.Count > 0) return Problems.Validation(errors);
        var result = await partners.MergeAsync(id, request.SurvivorId!.Value, request.ExpectedVersion!.Value, Organiser(user));
        return result.Outcome switch
        {
            PartnerOutcome.Done => TypedResults.Ok(PartnerRecord.From(PartnerDirectoryEntry.From(result.Current!))),
            PartnerOutcome.Stale => Stale(result.Current!),
            PartnerOutcome.NotFound => NotFound(),
            PartnerOutcome.Merged => Merged(),
            _ => Problems.Create(StatusCodes.Status409Conflict, "invalid-merge",
                "Cet organisme ne peut pas recevoir la fusion (il a lui-même été fusionné).",
                "This organisation cannot receive the merge (it was itself merged)."),
        };
    }

    /// <summary>?mode=preview (default: nothing written) or ?mode=apply; the report either way.</summary>
    private static async Task<Results<Ok<MatchingReport>, ProblemHttpResult>> MatchMembersAsync(string? mode, MemberMatching matching)
    {
        if (mode is not (null or "preview" or "apply"))
            return Problems.Validation(new Dictionary<string, BilingualText> { ["mode"] = new("mode : preview ou apply.", "mode: preview or apply.") });
        return TypedResults.Ok(await matching.RunAsync(apply: mode == "apply"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> LinkMemberAsync(
        Guid tableId, Guid memberId, LinkRequest request, IGrainFactory grains, PartnersService partners)
    {
        if (request.OrganisationId is { } organisationId &&
            await grains.GetGrain<IPartnerOrganisationGrain>(organisationId).GetAsync() is null)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["organisationId"] = new("Organisme introuvable.", "Organisation not found.") });
        var outcome = await grains.GetGrain<ITableGrain>(tableId).LinkOrganisationAsync(memberId, request.OrganisationId);
        return outcome is TableOutcome.Done or TableOutcome.AlreadyExists
            ? TypedResults.NoContent()
            : Problems.Create(StatusCodes.Status404NotFound, "member-not-found", "Membre introuvable.", "Member not found.");
    }

    private static string Organiser(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static ProblemHttpResult Merged() => Problems.Create(StatusCodes.Status409Conflict, "merged",
        "Cet organisme a été fusionné avec un autre : modifiez celui qui reste.", "This organisation was merged into another: edit the one that stays.");

    private static ProblemHttpResult NotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "partner-not-found", "Organisme introuvable.", "Organisation not found.");

    private static ProblemHttpResult Stale(PartnerOrganisationView current)
    {
        var problem = Problems.Create(StatusCodes.Status409Conflict, "stale",
            "Quelqu'un a modifié cet organisme entre-temps : voici la version actuelle. Rien n'a été écrasé.",
            "Someone changed this organisation in the meantime: here is the current version. Nothing was overwritten.");
        problem.ProblemDetails.Extensions["current"] = PartnerRecord.From(PartnerDirectoryEntry.From(current));
        return problem;
    }
}
