using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque's desks: the organiser creates, re-codes and revokes them; a device pairs with a code and asks who it is.</summary>
public static class DesksApi
{
    public static void MapDesks(RouteGroupBuilder organiser, RouteGroupBuilder desks)
    {
        organiser.MapPost("/{id:guid}/desks", CreateDeskAsync);
        organiser.MapGet("/{id:guid}/desks", ListDesksAsync);
        organiser.MapPost("/{id:guid}/desks/{deskId}/pairing-code", NewPairingCodeAsync);
        organiser.MapPost("/{id:guid}/desks/{deskId}/revoke", RevokeDeskAsync);
        desks.MapPost("/pair", PairAsync).RequireRateLimiting(RateLimits.SignInLinks);
        desks.MapGet("/me", DeskMeAsync).AllowAnonymous(); // the desk page asks first: "not paired" is an answer, not an error
    }

    private static async Task<Results<Created<DeskCreated>, ProblemHttpResult>> CreateDeskAsync(Guid id, DeskRequest request, IGrainFactory grains, PairingCodes pairing)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 60)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["name"] = new("Nommez l'accueil (60 caractères au plus).", "Name the desk (60 characters at most).") });
        var deskId = "desk-" + BadgeCodes.New()[..6].ToLowerInvariant();
        var desk = await grains.GetGrain<IColloqueGrain>(id).AddDeskAsync(deskId, name);
        if (desk is null)
            return Problems.Create(StatusCodes.Status404NotFound, "no-desk", "Colloque introuvable, ou trop d'accueils.", "Colloque not found, or too many desks.");
        var (code, expiresAt) = await pairing.IssueAsync($"colloque:{id}", deskId);
        return TypedResults.Created($"/api/colloques/{id}/desks/{deskId}", new DeskCreated(deskId, name, code, expiresAt));
    }

    /// <summary>The organiser's view of the desks: which devices are paired with each, since when, from where.</summary>
    private static async Task<Results<Ok<List<DeskSessions>>, ProblemHttpResult>> ListDesksAsync(Guid id, IGrainFactory grains, Sessions sessions)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque) return ColloqueProblems.NotFound();
        var desks = new List<DeskSessions>();
        foreach (var desk in colloque.Desks)
        {
            var active = await sessions.ListActiveAsync(SessionSubjects.Desk(id, desk.DeskId));
            desks.Add(new DeskSessions(desk.DeskId, desk.Name, [.. active.Select(a => new DeskDevice(a.StartedAt, a.Address, a.UserAgent))]));
        }
        return TypedResults.Ok(desks);
    }

    /// <summary>A new code for a desk; the devices paired with the old one are signed out.</summary>
    private static async Task<Results<Ok<DeskCreated>, ProblemHttpResult>> NewPairingCodeAsync(Guid id, string deskId, IGrainFactory grains, PairingCodes pairing,
        Sessions sessions)
    {
        var desk = (await grains.GetGrain<IColloqueGrain>(id).GetAsync())?.Desks.FirstOrDefault(d => d.DeskId == deskId);
        if (desk is null) return ColloqueProblems.UnknownDesk();
        await sessions.EndAllAsync(SessionSubjects.Desk(id, deskId), "new-pairing-code");
        var (code, expiresAt) = await pairing.IssueAsync($"colloque:{id}", deskId);
        return TypedResults.Ok(new DeskCreated(deskId, desk.Name, code, expiresAt));
    }

    /// <summary>Signs every device of the desk out at once, on every node (its next scan gets 401, its hub connection closes).</summary>
    private static async Task<Results<Ok<DeskRevoked>, ProblemHttpResult>> RevokeDeskAsync(Guid id, string deskId, IGrainFactory grains, Sessions sessions)
    {
        if ((await grains.GetGrain<IColloqueGrain>(id).GetAsync())?.Desks.Any(d => d.DeskId == deskId) != true) return ColloqueProblems.UnknownDesk();
        return TypedResults.Ok(new DeskRevoked(deskId, await sessions.EndAllAsync(SessionSubjects.Desk(id, deskId), "desk-revoked")));
    }

    private static async Task<Results<Ok<DeskIdentity>, ProblemHttpResult>> PairAsync(PairRequest request, PairingCodes pairing, IGrainFactory grains,
        Sessions sessions, HttpContext http)
    {
        var claim = await pairing.ClaimAsync(request.PairingCode ?? "");
        if (claim.Status != Grains.Accounts.PairingStatus.Paired || claim.Scope is not { } scope || !scope.StartsWith("colloque:", StringComparison.Ordinal) ||
            !Guid.TryParse(scope["colloque:".Length..], out var colloqueId))
            return claim.Status switch
            {
                Grains.Accounts.PairingStatus.Expired => Problems.Create(StatusCodes.Status400BadRequest, "pairing-expired",
                    "Ce code a expiré : demandez-en un nouveau à l'organisateur.", "This code has expired: ask the organiser for a new one."),
                Grains.Accounts.PairingStatus.AlreadyUsed => Problems.Create(StatusCodes.Status400BadRequest, "pairing-used",
                    "Ce code a déjà servi : demandez-en un nouveau à l'organisateur.", "This code was already used: ask the organiser for a new one."),
                _ => Problems.Create(StatusCodes.Status400BadRequest, "pairing-unknown", "Code inconnu.", "Unknown code."),
            };
        var colloque = await grains.GetGrain<IColloqueGrain>(colloqueId).GetAsync();
        var desk = colloque?.Desks.FirstOrDefault(d => d.DeskId == claim.DeviceId);
        if (colloque is null || desk is null) return Problems.Create(StatusCodes.Status400BadRequest, "pairing-unknown", "Code inconnu.", "Unknown code.");

        await sessions.SignInAsync(http,
        [
            new Claim(ClaimTypes.NameIdentifier, SessionSubjects.Desk(colloqueId, desk.DeskId)),
            new Claim(ClaimTypes.Name, desk.Name),
            new Claim(ClaimTypes.Role, Roles.Desk),
            new Claim(ColloqueClaims.ColloqueId, colloqueId.ToString()),
            new Claim(ColloqueClaims.DeskId, desk.DeskId),
        ], [SessionSubjects.Desk(colloqueId, desk.DeskId)], Roles.Desk, desk.Name);
        return TypedResults.Ok(new DeskIdentity(colloqueId, desk.DeskId, desk.Name, colloque.Title));
    }

    /// <summary>
    /// A paired desk: its identity. An organiser with <c>?colloque=</c>: that colloque's "Organisation" desk
    /// (their check-ins are counted there). Anyone else: <c>{ paired: false }</c>, with 200 so the page logs no error.
    /// </summary>
    private static async Task<Ok<DeskIdentity>> DeskMeAsync(ClaimsPrincipal user, IGrainFactory grains, ColloquePermissions permissions, Guid? colloque)
    {
        if (user.IsInRole(Roles.Desk) && Guid.TryParse(user.FindFirstValue(ColloqueClaims.ColloqueId), out var colloqueId))
        {
            var title = (await grains.GetGrain<IColloqueGrain>(colloqueId).GetDetailsAsync())?.Title ?? "";
            return TypedResults.Ok(new DeskIdentity(colloqueId, user.FindFirstValue(ColloqueClaims.DeskId)!, user.FindFirstValue(ClaimTypes.Name) ?? "", title));
        }
        var organiser = permissions.Allows(user, ColloqueAction.Manage, colloque ?? Guid.Empty);
        if (organiser && colloque is { } id && await grains.GetGrain<IColloqueGrain>(id).GetAsync() is { } view)
            return TypedResults.Ok(new DeskIdentity(id, Desk.OrganiserDeskId, Desk.OrganiserDeskName, view.Title, Organiser: true));
        return TypedResults.Ok(new DeskIdentity(Guid.Empty, "", "", "", Paired: false, Organiser: organiser));
    }
}
