using System.Security.Claims;
using Collaboration.Grains.Coordination;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Web.Meetings;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Coordination;

/// <summary>
/// The coordination board: every action item of the tables the caller sees (organisers: all tables;
/// members: their own), its filters, an item's status changed on its meeting, and a per-organisation page.
/// </summary>
public static class CoordinationApi
{
    public static IEndpointRouteBuilder MapCoordinationApi(this IEndpointRouteBuilder app)
    {
        // Which tables and people a member sees depends on their tables: the handlers narrow the board to the caller's scope.
        var board = app.MapGroup("/api/board").WithTags("Coordination").RequireAuthorization();
        board.MapGet("/", GetBoardAsync).Requires(CoordinationAction.SeeBoard);
        board.MapPatch("/{tableId:guid}/items/{itemId:guid}", SetStatusAsync).Requires(CoordinationAction.SeeTable, TableRoute);
        board.MapPost("/{tableId:guid}/rebuild", RebuildAsync).Requires(CoordinationAction.Rebuild, TableRoute);
        board.MapGet("/organisations/{organisationId:guid}", GetOrganisationAsync).Requires(CoordinationAction.SeeBoard);
        return app;
    }

    private const string TableRoute = "tableId";

    public sealed record StatusRequest(string? Status, long? ExpectedVersion);

    public sealed record StatusResponse(Guid MeetingId, long Version, object? Current);

    public sealed record RebuildResponse(int Meetings, long Version);

    private static async Task<Results<Ok<BoardResponse>, ProblemHttpResult>> GetBoardAsync(
        ClaimsPrincipal user, CoordinationService coordination, Guid? table, string? mrc, Guid? organisation, Guid? owner,
        string? dueFrom, string? dueTo, bool? overdue, string? status)
    {
        var (filter, errors) = BoardFilter.Parse(table, mrc, organisation, owner, dueFrom, dueTo, overdue, status);
        if (filter is null) return Problems.Validation(errors);
        var scope = await coordination.ScopeAsync(user);
        if (scope is null) return Problems.Forbidden();
        if (table is { } asked && scope.AccessTo(asked) is null) return Problems.Forbidden();
        return TypedResults.Ok(await coordination.BoardAsync(scope, filter));
    }

    private static async Task<Results<Ok<StatusResponse>, ProblemHttpResult>> SetStatusAsync(
        Guid tableId, Guid itemId, StatusRequest request, ClaimsPrincipal user, IGrainFactory grains,
        MeetingsPermissions permissions, CoordinationService coordination)
    {
        var errors = new Dictionary<string, BilingualText>();
        ActionItemStatus? status = request.Status?.Trim().ToLowerInvariant() switch
        {
            "open" => ActionItemStatus.Open,
            "done" => ActionItemStatus.Done,
            _ => null,
        };
        if (status is null) errors["status"] = new("Choisissez : open ou done.", "Choose: open or done.");
        if (request.ExpectedVersion is null) errors["expectedVersion"] = new("La version vue (expectedVersion) est requise.", "The version seen (expectedVersion) is required.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var table = await grains.GetGrain<ITableGrain>(tableId).GetAsync();
        if (table is null) return Problems.Forbidden();
        var access = await permissions.ForTableAsync(user, tableId, table);
        var (result, item) = await coordination.SetStatusAsync(table, itemId, status!.Value, request.ExpectedVersion!.Value,
            i => CoordinationPermissions.MayChangeStatus(access, i.OwnerMemberId));
        if (item is null) return ItemNotFound();
        if (result is null) return Problems.Forbidden();
        return result.Outcome switch
        {
            MeetingOutcome.Applied => TypedResults.Ok(new StatusResponse(item.MeetingId, result.Version, result.Current)),
            MeetingOutcome.Stale => Stale(result),
            MeetingOutcome.UnknownItem or MeetingOutcome.NotFound => ItemNotFound(),
            _ => Problems.Create(StatusCodes.Status400BadRequest, "invalid-change", "Modification refusée.", "Change refused."),
        };
    }

    private static async Task<Ok<RebuildResponse>> RebuildAsync(Guid tableId, IGrainFactory grains)
    {
        var board = grains.GetGrain<ITableBoardGrain>(tableId);
        var meetings = await board.RebuildAsync();
        return TypedResults.Ok(new RebuildResponse(meetings, (await board.GetAsync()).Version));
    }

    private static async Task<Results<Ok<OrganisationActivity>, ProblemHttpResult>> GetOrganisationAsync(
        Guid organisationId, ClaimsPrincipal user, CoordinationService coordination, OrganisationActivityReader reader)
    {
        var scope = await coordination.ScopeAsync(user);
        if (scope is null) return Problems.Forbidden();
        var activity = await reader.ReadAsync(scope, organisationId);
        // A member sees an organisation only through its people on their own tables.
        if (activity is null || (!scope.Organiser && activity.People.Count == 0))
            return scope.Organiser ? Problems.Create(StatusCodes.Status404NotFound, "partner-not-found", "Organisme introuvable.", "Organisation not found.") : Problems.Forbidden();
        return TypedResults.Ok(activity);
    }

    private static ProblemHttpResult ItemNotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "item-not-found", "Tâche introuvable.", "Action item not found.");

    private static ProblemHttpResult Stale(MeetingResult result)
    {
        var problem = Problems.Create(StatusCodes.Status409Conflict, "stale",
            "Quelqu'un a modifié cette tâche entre-temps : voici la version actuelle. Rien n'a été écrasé.",
            "Someone changed this action item in the meantime: here is the current version. Nothing was overwritten.");
        problem.ProblemDetails.Extensions["current"] = result.Current;
        return problem;
    }
}
