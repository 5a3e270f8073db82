using System.Security.Claims;
using Collaboration.Grains.Meetings;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Meetings;

/// <summary>Motions and votes: the chair opens, counts hands, closes or withdraws; each member votes for themself.</summary>
public static partial class MeetingsApi
{
    private static void MapMotions(RouteGroupBuilder meetings)
    {
        meetings.MapPost("/{id:guid}/motions", OpenMotionAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapGet("/{id:guid}/motions/{motionId:guid}", GetMotionAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapPut("/{id:guid}/motions/{motionId:guid}/ballot", CastBallotAsync).RequiresOnMeeting(MeetingAction.Vote); // as oneself
        meetings.MapPut("/{id:guid}/motions/{motionId:guid}/hands", CountHandsAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/motions/{motionId:guid}/close", CloseMotionAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/motions/{motionId:guid}/withdraw", WithdrawMotionAsync).RequiresOnMeeting(MeetingAction.Run);
    }

    /// <summary><c>erratumFor</c>: the earlier meeting of the table whose adopted minutes the motion, carried, corrects (an erratum).</summary>
    public sealed record MotionRequest(string? Text, Guid? ProposerId, Guid? SeconderId, string? Kind, bool? TotalsVisible, Guid? AgendaItemId, Guid? ErratumFor = null);

    public sealed record BallotRequest(string? Choice);

    public sealed record HandsRequest(int? For, int? Against, int? Abstain);

    /// <summary>A motion as the caller may see it, and the caller's own choice (members).</summary>
    public sealed record MotionResponse(MotionView Motion, string? MyChoice);

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> OpenMotionAsync(
        Guid id, MotionRequest request, HttpContext http, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckText(errors, "text", request.Text, MeetingGrain.MaxTextLength, required: true);
        if (request.ProposerId is null) errors["proposerId"] = new("Choisissez qui propose.", "Choose who moves the motion.");
        if (request.SeconderId is null) errors["seconderId"] = new("Choisissez qui appuie.", "Choose who seconds the motion.");
        else if (request.SeconderId == request.ProposerId)
            errors["seconderId"] = new("La personne qui appuie doit être une autre que celle qui propose.", "The seconder must be someone other than the mover.");
        var kind = MotionKind.Open;
        if (request.Kind is not null && !TryParseName(request.Kind, out kind))
            errors["kind"] = new("Choisissez : open (à main levée, nominatif) ou secret.", "Choose: open (names shown) or secret.");
        if (errors.Count > 0) return Problems.Validation(errors);
        var input = new MotionInput(request.Text!.Trim(), request.ProposerId!.Value, request.SeconderId!.Value, kind, request.TotalsVisible ?? true, request.AgendaItemId);
        if (request.ErratumFor is not { } corrected) return Outcome(await grains.GetGrain<IMeetingGrain>(id).OpenMotionAsync(Guid.NewGuid(), input));
        var earlier = await grains.GetGrain<IMeetingGrain>(corrected).GetAsync();
        if (earlier is null || earlier.TableId != MeetingAccess.Of(http).TableId || earlier.Id == id || earlier.Minutes?.Status != MinutesStatus.Adopted)
            return Problems.Create(StatusCodes.Status409Conflict, "erratum-target",
                "Un erratum corrige le procès-verbal adopté d'une autre rencontre de la même table (avant l'adoption, proposez une correction au procès-verbal diffusé).",
                "An erratum corrects the adopted minutes of another meeting of the same table (before adoption, propose a correction to the circulated minutes).");
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).OpenErratumMotionAsync(Guid.NewGuid(), input, corrected));
    }

    private static async Task<Results<Ok<MotionResponse>, ProblemHttpResult>> GetMotionAsync(
        Guid id, Guid motionId, HttpContext http, IGrainFactory grains, BallotKeys keys)
    {
        var (_, access) = MeetingAccess.Of(http);
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        var motion = meeting.Motions?.FirstOrDefault(m => m.Id == motionId);
        if (motion is null) return MotionNotFound();
        var mine = await OwnBallotsAsync(id, meeting, access, grains, keys);
        return TypedResults.Ok(new MotionResponse(MeetingsPermissions.Allows(access, MeetingAction.Run) ? motion : motion.ForMembers(),
            mine.TryGetValue(motionId, out var choice) ? ChoiceName(choice) : null));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CastBallotAsync(
        Guid id, Guid motionId, BallotRequest request, HttpContext http, IGrainFactory grains, BallotKeys keys)
    {
        if (!TryParseChoice(request.Choice, out var choice))
            return Problems.Validation(new Dictionary<string, BilingualText> { ["choice"] = new("Choisissez : for (pour), against (contre) ou abstain (abstention).", "Choose: for, against or abstain.") });
        // The filter allowed the caller to vote as themself. One grain call per ballot: the member's key for a secret
        // vote goes with every ballot (an HMAC, cheaper than asking the motion's kind first); an open vote ignores it.
        var memberId = MeetingAccess.Of(http).Access.MemberId!.Value;
        var key = await keys.ForAsync(motionId, memberId);
        var result = await grains.GetGrain<IMeetingGrain>(id).CastBallotAsync(motionId, memberId, key, choice);
        if (result.Applied) return TypedResults.Ok(new ChangeResponse(result.Version, ChoiceName(choice)));
        return result.Outcome == MeetingOutcome.UnknownItem ? MotionNotFound() : Outcome(result);
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CountHandsAsync(
        Guid id, Guid motionId, HandsRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        foreach (var (field, value) in new[] { ("for", request.For), ("against", request.Against), ("abstain", request.Abstain) })
            if (value is < 0 or > 10_000) errors[field] = new("Un nombre de mains de 0 ou plus.", "A number of hands, 0 or more.");
        if (errors.Count > 0) return Problems.Validation(errors);
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).CountHandsAsync(motionId, new HandCount(request.For ?? 0, request.Against ?? 0, request.Abstain ?? 0)));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CloseMotionAsync(
        Guid id, Guid motionId, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).CloseMotionAsync(motionId));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> WithdrawMotionAsync(
        Guid id, Guid motionId, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).WithdrawMotionAsync(motionId));
    }

    /// <summary>A member's own choices (open and secret votes); nothing for organisers, who do not vote.</summary>
    private static async Task<IReadOnlyDictionary<Guid, BallotChoice>> OwnBallotsAsync(
        Guid id, MeetingView meeting, TableAccess access, IGrainFactory grains, BallotKeys keys) =>
        access.MemberId is { } memberId && meeting.Motions is { Count: > 0 }
            ? await grains.GetGrain<IMeetingGrain>(id).GetOwnBallotsAsync(memberId, await keys.ForMeetingAsync(meeting, memberId))
            : new Dictionary<Guid, BallotChoice>();

    private static string ChoiceName(BallotChoice choice) => choice switch
    {
        BallotChoice.For => "for",
        BallotChoice.Against => "against",
        _ => "abstain",
    };

    private static bool TryParseChoice(string? value, out BallotChoice choice) => TryParseName(value, out choice);

    /// <summary>An enum value by its name ("for", "Secret"), never by number.</summary>
    private static bool TryParseName<T>(string? value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    private static ProblemHttpResult MotionNotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "motion-not-found", "Proposition introuvable.", "Motion not found.");
}
