using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>Check-ins at the door: a scan, its undo, a walk-in (by a desk paired with this colloque, or an organiser).</summary>
public static class CheckInsApi
{
    public static void MapCheckIns(RouteGroupBuilder operate)
    {
        operate.MapPost("/checkins", CheckInAsync);
        operate.MapDelete("/checkins/{code}", UndoAsync);
        operate.MapPost("/walkins", WalkInAsync);
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckInAsync(Guid id, CheckInBody body, ClaimsPrincipal user, IGrainFactory grains, ColloquePermissions permissions)
    {
        var code = RegistrationCodes.Normalize(body.Code);
        var errors = new Dictionary<string, BilingualText>();
        if (!RegistrationCodes.LooksValid(code)) errors["code"] = new("Code de badge manquant ou invalide.", "Missing or invalid badge code.");
        if (string.IsNullOrWhiteSpace(body.Nonce) || body.Nonce.Length > 100) errors["nonce"] = new("Identifiant de lecture manquant.", "Missing scan id.");
        if (body.Operator is { Length: > 80 }) errors["operator"] = new("Nom d'opérateur trop long.", "Operator name too long.");
        if (errors.Count > 0) return Problems.Validation(errors);
        if (body.Override == true && !permissions.Allows(user, ColloqueAction.AdmitBeyondPlaces, id)) return OverrideOrganiserOnly();

        var (deskId, deskName) = DeskOf(user);
        var answer = await grains.GetGrain<IRegistrationGrain>(code).CheckInAsync(
            new CheckInRequest(id, body.Nonce!, deskId, deskName, OperatorOf(user, body.Operator), body.ScannedAt), admitWaitlisted: body.Override == true);
        return TypedResults.Ok(ToResponse(answer));
    }

    private static async Task<Results<Ok<UndoResponse>, ProblemHttpResult>> UndoAsync(Guid id, string code, ClaimsPrincipal user, IGrainFactory grains, string? @operator)
    {
        var answer = await grains.GetGrain<IRegistrationGrain>(RegistrationCodes.Normalize(code))
            .UndoCheckInAsync(new UndoRequest(id, ColloqueClaims.DeskOf(user), OperatorOf(user, @operator)));
        return answer.Result switch
        {
            UndoResult.Undone or UndoResult.NotCheckedIn => TypedResults.Ok(new UndoResponse(answer.Result)),
            UndoResult.Unknown => ColloqueProblems.UnknownCode(),
            UndoResult.OtherDesk => Problems.Create(StatusCodes.Status403Forbidden, "other-desk",
                "Seul l'accueil qui a fait l'enregistrement (ou l'organisateur) peut l'annuler.", "Only the desk that checked this badge in (or the organiser) can undo it."),
            _ => Problems.Create(StatusCodes.Status403Forbidden, "undo-too-late",
                "Plus de 2 minutes : demandez à l'organisateur d'annuler.", "More than 2 minutes ago: ask the organiser to undo it."),
        };
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> WalkInAsync(Guid id, WalkInBody body, ClaimsPrincipal user, IGrainFactory grains, ColloquePermissions permissions)
    {
        if (AttendeesApi.CheckAttendee(body.Name, body.Organisation, body.Category, body.Email, body.Mrc) is not { } details) return AttendeesApi.InvalidAttendee(body.Name, body.Organisation, body.Category, body.Email, body.Mrc);
        if (string.IsNullOrWhiteSpace(body.Nonce) || body.Nonce.Length > 100)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["nonce"] = new("Identifiant de lecture manquant.", "Missing scan id.") });
        if (body.Override == true && !permissions.Allows(user, ColloqueAction.AdmitBeyondPlaces, id)) return OverrideOrganiserOnly();
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return ColloqueProblems.NotFound();
        // The same person sent twice (a retry) finds the same registration again: one attendee, one check-in.
        var (deskId, deskName) = DeskOf(user);
        var request = new CheckInRequest(id, body.Nonce, deskId, deskName, OperatorOf(user, body.Operator));
        var walkIn = await RegistrationCodes.UnderNewCodeAsync(code => grains.GetGrain<IRegistrationGrain>(code)
            .WalkInAsync(id, details, RegistrationCodes.MatchKey(details), body.Override == true, request), a => a.Result == SignupResult.CodeTaken);
        if (walkIn.CheckIn is not { } answer) return SignupsApi.Refusal(walkIn.Result);
        return TypedResults.Ok(ToResponse(answer));
    }

    private static ProblemHttpResult OverrideOrganiserOnly() => Problems.Create(StatusCodes.Status403Forbidden, "override-organiser-only",
        "Seul l'organisateur peut admettre au-delà des places.", "Only the organiser can admit beyond the places.");

    public static CheckInResponse ToResponse(CheckInAnswer answer) => new(answer.Result, answer.Code, answer.CheckedInAt, answer.DeskId, answer.DeskName, answer.Operator,
        answer.Result == CheckInResult.Unknown ? null : answer.Name, answer.Result == CheckInResult.Unknown ? null : answer.Organisation,
        answer.Result == CheckInResult.Unknown ? null : answer.Category);

    private static (string DeskId, string DeskName) DeskOf(ClaimsPrincipal user) =>
        ColloqueClaims.DeskOf(user) is { } deskId ? (deskId, user.FindFirstValue(ClaimTypes.Name) ?? deskId) : (Desk.OrganiserDeskId, Desk.OrganiserDeskName);

    /// <summary>Who scanned: the name typed at the desk, else an organiser's own name; a desk's name is not an operator ("… at Accueil A by Accueil A").</summary>
    private static string OperatorOf(ClaimsPrincipal user, string? typed)
    {
        var name = typed?.Trim();
        if (!string.IsNullOrEmpty(name)) return name.Length > 80 ? name[..80] : name;
        return user.IsInRole(Roles.Desk) ? "" : user.FindFirstValue(ClaimTypes.Name) ?? "";
    }
}
