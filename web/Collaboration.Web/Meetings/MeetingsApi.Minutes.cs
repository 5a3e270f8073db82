using System.Security.Claims;
using System.Text;
using Collaboration.Grains.Meetings;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Meetings;

public static partial class MeetingsApi
{
    /// <summary><c>kind</c>: "comment" or "correction" (the new text of the item's notes, or of the decision <c>decisionId</c>).</summary>
    public sealed record MinutesCommentRequest(Guid? AgendaItemId, Guid? DecisionId, string? Kind, string? Text);

    public sealed record MinutesCommentDecisionRequest(bool? Accept, long? ExpectedVersion);

    /// <summary>A member comments on an item of the circulated minutes, or proposes a correction.</summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CommentMinutesAsync(
        Guid id, MinutesCommentRequest request, HttpContext http, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.AgendaItemId is null) errors["agendaItemId"] = new("Choisissez le point de l'ordre du jour.", "Choose the agenda item.");
        if (!Enum.TryParse<MinutesCommentKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
            errors["kind"] = new("Choisissez : comment ou correction.", "Choose: comment or correction.");
        CheckText(errors, "text", request.Text, MeetingGrain.MaxTextLength, required: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).CommentMinutesAsync(Guid.NewGuid(),
            new MinutesCommentInput(MeetingAccess.Of(http).Access.MemberId!.Value, request.AgendaItemId!.Value, request.DecisionId, kind, request.Text!.Trim())));
    }

    /// <summary>The chair accepts or declines a comment or correction (a correction accepted replaces the text, keeping the previous one).</summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> DecideMinutesCommentAsync(
        Guid id, Guid commentId, MinutesCommentDecisionRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.Accept is null) errors["accept"] = new("Indiquez si la présidence accepte (true) ou refuse (false).", "Say whether the chair accepts (true) or declines (false).");
        if (request.ExpectedVersion is null) errors["expectedVersion"] = ExpectedVersionMissing;
        if (errors.Count > 0) return Problems.Validation(errors);
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).DecideMinutesCommentAsync(commentId, request.Accept!.Value,
            user.FindFirstValue(ClaimTypes.Name) ?? "", request.ExpectedVersion!.Value));
    }

    /// <summary>Sends the closed meeting's minutes to the table's members (draft → circulated); refused once adopted.</summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CirculateMinutesAsync(
        Guid id, HttpContext http, IGrainFactory grains, MeetingsService service) =>
        Outcome(await grains.GetGrain<IMeetingGrain>(id).CirculateMinutesAsync(await service.RecipientsAsync(MeetingAccess.Of(http).TableId)));

    /// <summary>The procès-verbal: only for a closed meeting (before that, the meeting itself is the live record).</summary>
    private static async Task<Results<Ok<MeetingMinutes>, ProblemHttpResult>> GetMinutesAsync(
        Guid id, IGrainFactory grains)
    {
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        if (meeting.Status != MeetingStatus.Closed) return MinutesNotReady();
        return TypedResults.Ok(MeetingMinutes.From(meeting));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetMinutesMarkdownAsync(
        Guid id, string? lang, IGrainFactory grains)
    {
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        if (meeting.Status != MeetingStatus.Closed) return MinutesNotReady();
        return File(MeetingMinutes.From(meeting).ToMarkdown(lang == "en"), "text/markdown; charset=utf-8", $"proces-verbal-{meeting.StartsAt:yyyy-MM-dd}.md");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetActionItemsCsvAsync(
        Guid id, IGrainFactory grains)
    {
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        return TypedResults.File(MeetingMinutes.From(meeting).ToCsv(), "text/csv; charset=utf-8", $"suivis-{meeting.StartsAt:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetCalendarAsync(
        Guid id, IGrainFactory grains)
    {
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        return File(MeetingMinutes.From(meeting).ToICalendar(meeting.Now), "text/calendar; charset=utf-8", $"rencontre-{meeting.StartsAt:yyyy-MM-dd}.ics");
    }

    private static FileContentHttpResult File(string text, string contentType, string name) =>
        TypedResults.File(Encoding.UTF8.GetBytes(text), contentType, name);

    private static ProblemHttpResult MinutesNotReady() => Problems.Create(StatusCodes.Status409Conflict, "minutes-not-ready",
        "Le procès-verbal est disponible une fois la rencontre close.", "The minutes are available once the meeting is closed.");
}
