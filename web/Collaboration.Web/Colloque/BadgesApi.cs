using Collaboration.Grains.Colloque;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>
/// Badges printed in batches by the organiser: all of them, one category, or those not printed yet;
/// then marked printed in one call. Cancelled and erased registrations get no badge.
/// </summary>
public static class BadgesApi
{
    public const int MaxMarkedAtOnce = 5_000;

    public static IEndpointRouteBuilder MapColloqueBadgesApi(this IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/api/colloques/{id:guid}/badges").WithTags("Colloque").Requires(ColloqueAction.Manage);
        organiser.MapGet("/", ListAsync);
        organiser.MapPost("/printed", MarkPrintedAsync);
        return app;
    }

    public sealed record BadgeSheet(Guid Id, string Title, DateOnly Date, string Venue, IReadOnlyList<BadgeResponse> Badges);

    public sealed record PrintedRequest(IReadOnlyList<string>? Codes);

    public sealed record PrintedResponse(int Marked);

    /// <summary><c>?which=all</c> (default), <c>not-printed</c>, or <c>category&amp;category=employer</c>; sorted by name.</summary>
    private static async Task<Results<Ok<BadgeSheet>, ProblemHttpResult>> ListAsync(Guid id, IGrainFactory grains, string? which, string? category)
    {
        AttendeeCategory? only = null;
        if (which is "category")
        {
            if (!CategorySpellings.TryParse(category, out var parsed) || string.IsNullOrWhiteSpace(category))
                return Problems.Validation(new Dictionary<string, BilingualText> { ["category"] = new("Choisissez une catégorie.", "Choose a category.") });
            only = parsed;
        }
        else if (which is not (null or "all" or "not-printed"))
        {
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["which"] = new("« all », « not-printed » ou « category ».", "\"all\", \"not-printed\" or \"category\"."),
            });
        }
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque)
            return Problems.Create(StatusCodes.Status404NotFound, "unknown-colloque", "Colloque introuvable.", "Colloque not found.");
        var entries = await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync();
        var badges = entries
            .Where(e => !e.Cancelled && e.Name.Length > 0)
            .Where(e => only is null || e.Category == only)
            .Where(e => which != "not-printed" || !e.BadgePrinted)
            .Select(e => Badge(id, colloque, e.Code, e.Name, e.Organisation, e.Category))
            .ToList();
        return TypedResults.Ok(new BadgeSheet(id, colloque.Title, colloque.Date, colloque.Venue, badges));
    }

    private static async Task<Results<Ok<PrintedResponse>, ProblemHttpResult>> MarkPrintedAsync(Guid id, PrintedRequest request, IGrainFactory grains)
    {
        var codes = (request.Codes ?? []).Select(RegistrationCodes.Normalize).Where(RegistrationCodes.LooksValid).Distinct().ToList();
        if (codes.Count == 0 || codes.Count > MaxMarkedAtOnce)
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["codes"] = new($"Donnez de 1 à {MaxMarkedAtOnce} codes de badge.", $"Give 1 to {MaxMarkedAtOnce} badge codes."),
            });
        using var gate = new SemaphoreSlim(16);
        var done = await Task.WhenAll(codes.Select(async code =>
        {
            await gate.WaitAsync();
            try
            {
                return await grains.GetGrain<IRegistrationGrain>(code).MarkBadgePrintedAsync(id) ? code : null;
            }
            finally
            {
                gate.Release();
            }
        }));
        // Another colloque's codes are not marked; each registration tells the directory after its commit.
        return TypedResults.Ok(new PrintedResponse(done.Count(c => c is not null)));
    }

    public static BadgeResponse Badge(Guid id, ColloqueView colloque, string code, string name, string organisation, AttendeeCategory category) =>
        new(code, name, organisation, category, $"/api/colloques/{id}/registrations/{code}/qr.svg", colloque.Title, colloque.Date);
}
