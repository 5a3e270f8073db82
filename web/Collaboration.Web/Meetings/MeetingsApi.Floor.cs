using System.Security.Claims;
using Collaboration.Grains.Meetings;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Meetings;

/// <summary>The speaking queue: members raise and lower their own hand; the chair adds hands raised in the room and gives the floor.</summary>
public static partial class MeetingsApi
{
    private static void MapFloor(RouteGroupBuilder meetings)
    {
        meetings.MapPut("/{id:guid}/floor/hands/{memberId:guid}", RaiseHandAsync).RequiresOnMeeting(MeetingAction.RaiseHand, SubjectRoute);
        meetings.MapDelete("/{id:guid}/floor/hands/{memberId:guid}", LowerHandAsync).RequiresOnMeeting(MeetingAction.RaiseHand, SubjectRoute);
        meetings.MapPost("/{id:guid}/floor/next", GiveFloorAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/floor/end", EndSpeakingAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPut("/{id:guid}/floor/limit", SetSpeakingLimitAsync).RequiresOnMeeting(MeetingAction.Run);
    }

    public sealed record GiveFloorRequest(Guid? MemberId);

    public sealed record SpeakingLimitRequest(int? Seconds);

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> RaiseHandAsync(
        Guid id, Guid memberId, HttpContext http, IGrainFactory grains) =>
        Outcome(await grains.GetGrain<IMeetingGrain>(id).RaiseHandAsync(memberId, byChair: MeetingAccess.Of(http).Access.MemberId != memberId));

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> LowerHandAsync(
        Guid id, Guid memberId, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).LowerHandAsync(memberId));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> GiveFloorAsync(
        Guid id, GiveFloorRequest? request, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).GiveFloorAsync(request?.MemberId));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> EndSpeakingAsync(
        Guid id, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).EndSpeakingAsync());
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> SetSpeakingLimitAsync(
        Guid id, SpeakingLimitRequest request, IGrainFactory grains)
    {
        if (request.Seconds is < 10 or > MeetingGrain.MaxSpeakingLimitSeconds)
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["seconds"] = new("Le temps de parole va de 10 secondes à 1 heure (vide : sans limite).", "Speaking time is 10 seconds to 1 hour (empty: no limit)."),
            });
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).SetSpeakingLimitAsync(request.Seconds));
    }
}
