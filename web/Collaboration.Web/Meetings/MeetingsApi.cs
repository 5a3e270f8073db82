using System.Globalization;
using System.Security.Claims;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Meetings;

/// <summary>Tables, members' sign-in links, meetings and their minutes. Every endpoint is checked by <see cref="MeetingsPermissions"/>: a table's by the permission filter, a meeting's by the meeting's (<see cref="RequireMeetingPermission"/>), against its table.</summary>
public static partial class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var tables = app.MapGroup("/api/tables").WithTags("Meetings").RequireAuthorization();
        tables.MapGet("/", ListTablesAsync);
        tables.MapPost("/", CreateTableAsync).Requires(MeetingAction.ManageTable, TableRoute);
        tables.MapGet("/{tableId:guid}", GetTableAsync).Requires(MeetingAction.Read, TableRoute);
        tables.MapGet("/{tableId:guid}/meetings", ListMeetingsAsync).Requires(MeetingAction.Read, TableRoute);
        tables.MapPost("/{tableId:guid}/members", AddMemberAsync).Requires(MeetingAction.ManageTable, TableRoute);
        tables.MapPost("/{tableId:guid}/members/{memberId:guid}/link", ReissueLinkAsync).Requires(MeetingAction.ManageTable, TableRoute);
        tables.MapPost("/{tableId:guid}/members/{memberId:guid}/revoke", RevokeMemberAsync).Requires(MeetingAction.ManageTable, TableRoute);
        MapSeries(tables);
        app.MapPost("/api/tables/sign-in", SignInAsync).WithTags("Meetings").RequireRateLimiting(RateLimits.SignInLinks);
        app.MapPost("/api/tables/sign-in-link", RequestSignInLinkAsync).WithTags("Meetings").RequireRateLimiting(RateLimits.LinkRequests);

        // A meeting's routes declare their action on its table (RequireMeetingPermission); a handler finishes the check
        // where it depends on the body or a stored item (an action item's owner), with the access the filter stored.
        var meetings = app.MapGroup("/api/meetings").WithTags("Meetings").RequireAuthorization();
        meetings.MapPost("/", CreateMeetingAsync); // the table is in the body: checked in the handler
        meetings.MapGet("/{id:guid}", GetMeetingAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapPost("/{id:guid}/agenda", AddAgendaItemAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPut("/{id:guid}/agenda/order", ReorderAgendaAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPut("/{id:guid}/agenda/{itemId:guid}", EditAgendaItemAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapDelete("/{id:guid}/agenda/{itemId:guid}", RemoveAgendaItemAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPut("/{id:guid}/agenda/{itemId:guid}/done", SetItemDoneAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPut("/{id:guid}/current", SetCurrentItemAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/start", StartAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/close", CloseAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/notice", SendNoticeAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/cancel", CancelAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPut("/{id:guid}/attendance/{memberId:guid}", SetAttendanceAsync).RequiresOnMeeting(MeetingAction.SetAttendance, SubjectRoute);
        meetings.MapPost("/{id:guid}/decisions", RecordDecisionAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/action-items", AddActionItemAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPatch("/{id:guid}/action-items/{itemId:guid}", UpdateActionItemAsync).RequiresOnMeeting(MeetingAction.Read); // + owner: handler
        meetings.MapGet("/{id:guid}/minutes", GetMinutesAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapGet("/{id:guid}/minutes.md", GetMinutesMarkdownAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapPost("/{id:guid}/minutes/circulate", CirculateMinutesAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapPost("/{id:guid}/minutes/comments", CommentMinutesAsync).RequiresOnMeeting(MeetingAction.CommentMinutes);
        meetings.MapPut("/{id:guid}/minutes/comments/{commentId:guid}", DecideMinutesCommentAsync).RequiresOnMeeting(MeetingAction.Run);
        meetings.MapGet("/{id:guid}/action-items.csv", GetActionItemsCsvAsync).RequiresOnMeeting(MeetingAction.Read);
        meetings.MapGet("/{id:guid}/meeting.ics", GetCalendarAsync).RequiresOnMeeting(MeetingAction.Read);
        MapMotions(meetings);
        MapFloor(meetings);
        MapDocuments(meetings);
        return app;
    }

    /// <summary>The route value that names the table the permission is about.</summary>
    private const string TableRoute = "tableId";

    /// <summary>The route value that names the member a meeting action is about (their attendance, their hand).</summary>
    private const string SubjectRoute = "memberId";

    public sealed record AgendaItemRequest(string? Title, string? Presenter, int? PlannedMinutes, string? Notes, long? ExpectedVersion);

    public sealed record ReorderRequest(List<Guid>? Order, long? ExpectedVersion);

    public sealed record CurrentItemRequest(Guid? ItemId, bool? KeepQueue);

    public sealed record DoneRequest(bool? Done);

    public sealed record AttendanceRequest(string? Status, long? ExpectedVersion);

    public sealed record DecisionRequest(Guid? AgendaItemId, string? Text);

    public sealed record ActionItemRequest(string? Text, Guid? OwnerMemberId, string? Due, Guid? AgendaItemId);

    public sealed record ActionItemPatchRequest(string? Text, Guid? OwnerMemberId, string? Due, string? Status, long? ExpectedVersion);

    public sealed record CreateMeetingRequest(Guid? TableId, string? Title, string? StartsAt, string? Location);

    public sealed record MeetingCreatedResponse(Guid Id);

    /// <summary>An accepted change: the meeting's version after it and the changed thing.</summary>
    public sealed record ChangeResponse(long Version, object? Current);

    /// <summary>The meeting as GET returns it: the grain's view (a running vote's hidden totals left out for members), the caller's rights, their own ballots.</summary>
    public sealed record MeetingResponse(MeetingView Meeting, string Role, Guid? MemberId, IReadOnlyDictionary<Guid, string>? MyBallots = null)
    {
        public long Version => Meeting.Version;
    }

    private static async Task<Results<Created<MeetingCreatedResponse>, ProblemHttpResult>> CreateMeetingAsync(
        CreateMeetingRequest request, ClaimsPrincipal user, IGrainFactory grains, MeetingsPermissions permissions, MeetingsService service, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.TableId is null) errors["tableId"] = new("Choisissez une table.", "Choose a table.");
        CheckText(errors, "title", request.Title, 200, required: true);
        CheckText(errors, "location", request.Location, 200, required: false);
        if (!DateTimeOffset.TryParse(request.StartsAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startsAt))
            errors["startsAt"] = new("Entrez la date et l'heure de début.", "Enter the start date and time.");
        else DateInput.Check(errors, "startsAt", startsAt, clock.GetUtcNow());
        if (errors.Count > 0) return Problems.Validation(errors);

        var table = await grains.GetGrain<ITableGrain>(request.TableId!.Value).GetAsync();
        var access = await permissions.ForTableAsync(user, request.TableId.Value, table);
        if (!MeetingsPermissions.Allows(access, MeetingAction.ManageTable)) return Problems.Forbidden();
        if (table is null) return TableNotFound();
        var (outcome, id) = await service.CreateMeetingAsync(table, request.Title!.Trim(), startsAt.ToUniversalTime(),
            request.Location?.Trim() ?? "", user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
        return outcome == MeetingOutcome.Applied
            ? TypedResults.Created($"/api/meetings/{id}", new MeetingCreatedResponse(id))
            : Problems.Create(StatusCodes.Status400BadRequest, "invalid-meeting", "Rencontre invalide.", "Invalid meeting.");
    }

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> GetMeetingAsync(
        Guid id, HttpContext http, IGrainFactory grains, BallotKeys keys)
    {
        var (_, access) = MeetingAccess.Of(http);
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        var mine = await OwnBallotsAsync(id, meeting, access, grains, keys);
        return TypedResults.Ok(new MeetingResponse(MeetingsPermissions.Allows(access, MeetingAction.Run) ? meeting : meeting.ForMembers(),
            RoleName(access.Role), access.MemberId, mine.ToDictionary(p => p.Key, p => ChoiceName(p.Value))));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> AddAgendaItemAsync(
        Guid id, AgendaItemRequest request, IGrainFactory grains)
    {
        if (CheckAgendaItem(request, requireVersion: false) is { } invalid) return invalid;
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).AddAgendaItemAsync(Guid.NewGuid(), ToInput(request)));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> EditAgendaItemAsync(
        Guid id, Guid itemId, AgendaItemRequest request, IGrainFactory grains)
    {
        if (CheckAgendaItem(request, requireVersion: true) is { } invalid) return invalid;
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).EditAgendaItemAsync(itemId, ToInput(request), request.ExpectedVersion!.Value));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> ReorderAgendaAsync(
        Guid id, ReorderRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.Order is not { Count: > 0 }) errors["order"] = new("Donnez l'ordre des points.", "Give the order of the items.");
        if (request.ExpectedVersion is null) errors["expectedVersion"] = ExpectedVersionMissing;
        if (errors.Count > 0) return Problems.Validation(errors);
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).ReorderAgendaAsync(request.Order!, request.ExpectedVersion!.Value));
    }

    /// <summary>Removes an agenda item and its documents (their bytes too).</summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> RemoveAgendaItemAsync(
        Guid id, Guid itemId, long? expectedVersion, IGrainFactory grains, IMeetingDocumentStore documents)
    {
        if (expectedVersion is null) return Problems.Validation(new Dictionary<string, BilingualText> { ["expectedVersion"] = ExpectedVersionMissing });
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound(); // its documents, whose bytes go with the item
        var result = await grains.GetGrain<IMeetingGrain>(id).RemoveAgendaItemAsync(itemId, expectedVersion.Value);
        if (result.Applied)
            foreach (var document in (meeting.Documents ?? []).Where(d => d.AgendaItemId == itemId))
                await documents.DeleteAsync(id, document.Id, CancellationToken.None);
        return Outcome(result);
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> SetItemDoneAsync(
        Guid id, Guid itemId, DoneRequest request, IGrainFactory grains)
    {
        if (request.Done is null) return Problems.Validation(new Dictionary<string, BilingualText> { ["done"] = new("Indiquez si le point est traité.", "Say whether the item is done.") });
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).SetItemDoneAsync(itemId, request.Done.Value));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> SetCurrentItemAsync(
        Guid id, CurrentItemRequest request, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).SetCurrentItemAsync(request.ItemId, request.KeepQueue ?? false));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> StartAsync(
        Guid id, IGrainFactory grains, MeetingsService service)
    {
        if (await ViewAsync(grains, id) is not { } meeting) return MeetingNotFound();
        return Outcome(await service.StartAsync(meeting));
    }

    /// <summary>Closes the meeting; its members get the minutes' summary by email.</summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, HttpContext http, IGrainFactory grains, MeetingsService service) =>
        Outcome(await grains.GetGrain<IMeetingGrain>(id).CloseAsync(await service.RecipientsAsync(MeetingAccess.Of(http).TableId)));

    /// <summary>
    /// Emails the notice (convocation) to the table's members with the agenda as it is now; sent again, it is an
    /// update of the same calendar event (SEQUENCE bumped). The room shows when and to how many it went.
    /// </summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> SendNoticeAsync(
        Guid id, HttpContext http, IGrainFactory grains, MeetingsService service) =>
        Outcome(await grains.GetGrain<IMeetingGrain>(id).SendNoticeAsync(await service.RecipientsAsync(MeetingAccess.Of(http).TableId)));

    /// <summary>Cancels a meeting not started yet; the members who were sent its notice get the cancellation (METHOD:CANCEL).</summary>
    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, IGrainFactory grains)
    {
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).CancelAsync());
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> SetAttendanceAsync(
        Guid id, Guid memberId, AttendanceRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!Enum.TryParse<AttendanceStatus>(request.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(request.Status, out _))
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["status"] = new("Choisissez : present, remote, absent ou excused.", "Choose: present, remote, absent or excused."),
            });
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).SetAttendanceAsync(
            memberId, status, user.FindFirstValue(ClaimTypes.Name) ?? "", request.ExpectedVersion));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> RecordDecisionAsync(
        Guid id, DecisionRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.AgendaItemId is null) errors["agendaItemId"] = new("Choisissez le point de l'ordre du jour.", "Choose the agenda item.");
        CheckText(errors, "text", request.Text, MeetingGrain.MaxTextLength, required: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).RecordDecisionAsync(Guid.NewGuid(), request.AgendaItemId!.Value, request.Text!.Trim()));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> AddActionItemAsync(
        Guid id, ActionItemRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckText(errors, "text", request.Text, MeetingGrain.MaxTextLength, required: true);
        if (request.OwnerMemberId is null) errors["ownerMemberId"] = new("Choisissez la personne responsable.", "Choose who is responsible.");
        var due = DateInput.Parse(errors, "due", request.Due, clock.GetUtcNow());
        if (errors.Count > 0) return Problems.Validation(errors);
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).AddActionItemAsync(Guid.NewGuid(),
            new ActionItemInput(request.Text!.Trim(), request.OwnerMemberId!.Value, due, request.AgendaItemId)));
    }

    private static async Task<Results<Ok<ChangeResponse>, ProblemHttpResult>> UpdateActionItemAsync(
        Guid id, Guid itemId, ActionItemPatchRequest request, HttpContext http, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (request.Text is not null) CheckText(errors, "text", request.Text, MeetingGrain.MaxTextLength, required: true);
        var due = DateInput.Parse(errors, "due", request.Due, clock.GetUtcNow());
        ActionItemStatus? status = null;
        if (request.Status is not null)
        {
            if (Enum.TryParse<ActionItemStatus>(request.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.Status, out _))
                status = parsed;
            else errors["status"] = new("Choisissez : open ou done.", "Choose: open or done.");
        }
        if (request.ExpectedVersion is null) errors["expectedVersion"] = ExpectedVersionMissing;
        if (errors.Count > 0) return Problems.Validation(errors);

        // The filter checked Read; the chair may change anything, a member only the status of an item they own.
        var (_, access) = MeetingAccess.Of(http);
        if (!MeetingsPermissions.Allows(access, MeetingAction.Run))
        {
            var onlyStatus = request.Text is null && request.OwnerMemberId is null && request.Due is null;
            if (!onlyStatus) return Problems.Forbidden();
            var meeting = await ViewAsync(grains, id);
            var item = meeting?.ActionItems.Concat(meeting.FollowUps).FirstOrDefault(a => a.Id == itemId);
            if (!MeetingsPermissions.Allows(access, MeetingAction.SetActionItemStatus, item?.OwnerMemberId)) return Problems.Forbidden();
        }
        return Outcome(await grains.GetGrain<IMeetingGrain>(id).UpdateActionItemAsync(itemId,
            new ActionItemPatch(request.Text?.Trim(), request.OwnerMemberId, due, status), request.ExpectedVersion!.Value));
    }

    /// <summary>The whole meeting, for the handlers that need more than its table (the route's filter has checked the caller).</summary>
    private static Task<MeetingView?> ViewAsync(IGrainFactory grains, Guid id) => grains.GetGrain<IMeetingGrain>(id).GetAsync();

    private static ProblemHttpResult MeetingNotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "meeting-not-found", "Rencontre introuvable.", "Meeting not found.");

    private static Results<Ok<ChangeResponse>, ProblemHttpResult> Outcome(MeetingResult result) => result.Outcome switch
    {
        MeetingOutcome.Applied => TypedResults.Ok(new ChangeResponse(result.Version, result.Current)),
        MeetingOutcome.Stale => WithCurrent(Problems.Create(StatusCodes.Status409Conflict, "stale",
            "Quelqu'un a modifié cet élément entre-temps : voici la version actuelle. Rien n'a été écrasé.",
            "Someone changed this in the meantime: here is the current version. Nothing was overwritten."), result),
        MeetingOutcome.ReadOnly => Problems.Create(StatusCodes.Status409Conflict, "meeting-closed",
            "La rencontre est close ou annulée : elle ne peut plus être modifiée.", "The meeting is closed or cancelled: it can no longer be changed."),
        MeetingOutcome.WrongStatus => Problems.Create(StatusCodes.Status409Conflict, "wrong-status",
            "Cette action n'est pas possible à cette étape de la rencontre.", "This action is not possible at this stage of the meeting."),
        MeetingOutcome.UnknownItem => Problems.Create(StatusCodes.Status404NotFound, "item-not-found",
            "Point ou tâche introuvable.", "Item not found."),
        MeetingOutcome.UnknownMember => Problems.Create(StatusCodes.Status400BadRequest, "unknown-member",
            "Cette personne n'est pas membre de la table.", "This person is not a member of the table."),
        MeetingOutcome.NotFound => Problems.Create(StatusCodes.Status404NotFound, "meeting-not-found", "Rencontre introuvable.", "Meeting not found."),
        MeetingOutcome.AlreadyExists => Problems.Create(StatusCodes.Status409Conflict, "already-exists", "Cet élément existe déjà.", "This already exists."),
        MeetingOutcome.NoRecipients => Problems.Create(StatusCodes.Status409Conflict, "no-recipients",
            "Aucun membre de la table n'a d'accès et d'adresse courriel : l'avis n'a été envoyé à personne.",
            "No member of the table has access and an email address: the notice was sent to nobody."),
        MeetingOutcome.NoQuorum => WithCurrent(Problems.Create(StatusCodes.Status409Conflict, "no-quorum",
            "Le quorum n'est pas atteint : pas assez de membres sont notés présents ou à distance pour voter.",
            "No quorum: too few members are marked present or remote to vote."), result),
        MeetingOutcome.NotEligible => Problems.Create(StatusCodes.Status409Conflict, "not-eligible",
            "Seuls les membres notés présents ou à distance peuvent proposer, appuyer ou voter (et la personne qui appuie n'est pas celle qui propose).",
            "Only members marked present or remote may move, second or vote (and the seconder is not the mover)."),
        MeetingOutcome.MotionOpen => WithCurrent(Problems.Create(StatusCodes.Status409Conflict, "motion-open",
            "Un vote est en cours : fermez-le ou retirez la proposition d'abord.", "A vote is in progress: close it or withdraw the motion first."), result),
        MeetingOutcome.TooManyHands => WithCurrent(Problems.Create(StatusCodes.Status409Conflict, "too-many-hands",
            "Plus de mains que de membres présents dans la salle qui n'ont pas voté sur un appareil.",
            "More hands than members present in the room who have not voted on a device."), result),
        MeetingOutcome.CountedByHands => Problems.Create(StatusCodes.Status409Conflict, "counted-by-hands",
            "Votre vote est déjà compté à main levée : la présidence doit d'abord réduire ce compte.",
            "Your vote is already counted by show of hands: the chair must lower that count first."),
        MeetingOutcome.MinutesAdopted => Problems.Create(StatusCodes.Status409Conflict, "minutes-adopted",
            "Ce procès-verbal est adopté : il ne peut plus être modifié ni rediffusé. Une correction passe par une nouvelle proposition.",
            "These minutes are adopted: they can no longer be changed or circulated again. A correction takes a new motion."),
        MeetingOutcome.MinutesNotCirculated => Problems.Create(StatusCodes.Status409Conflict, "minutes-not-circulated",
            "Le procès-verbal n'est pas encore diffusé aux membres : rien à commenter pour l'instant.",
            "The minutes are not circulated to the members yet: nothing to comment on for now."),
        MeetingOutcome.QueueEmpty => Problems.Create(StatusCodes.Status409Conflict, "queue-empty",
            "Personne n'a demandé la parole.", "Nobody has asked for the floor."),
        _ => WithCurrent(Problems.Create(StatusCodes.Status400BadRequest, "invalid-change",
            "Modification refusée : elle n'est pas valide (un point qui porte des décisions ne peut être retiré).",
            "Change refused: it is not valid (an item with decisions cannot be removed)."), result),
    };

    private static ProblemHttpResult WithCurrent(ProblemHttpResult problem, MeetingResult result)
    {
        problem.ProblemDetails.Extensions["version"] = result.Version;
        if (result.Current is not null) problem.ProblemDetails.Extensions["current"] = result.Current;
        return problem;
    }

    private static readonly BilingualText ExpectedVersionMissing =
        new("La version vue (expectedVersion) est requise pour modifier.", "The version seen (expectedVersion) is required to edit.");

    private static ProblemHttpResult? CheckAgendaItem(AgendaItemRequest request, bool requireVersion)
    {
        var errors = new Dictionary<string, BilingualText>();
        CheckText(errors, "title", request.Title, 200, required: true);
        CheckText(errors, "presenter", request.Presenter, 200, required: false);
        CheckText(errors, "notes", request.Notes, MeetingGrain.MaxTextLength, required: false);
        if (request.PlannedMinutes is < 0 or > 600)
            errors["plannedMinutes"] = new("La durée prévue va de 0 à 600 minutes.", "Planned time is 0 to 600 minutes.");
        if (requireVersion && request.ExpectedVersion is null) errors["expectedVersion"] = ExpectedVersionMissing;
        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    private static AgendaItemInput ToInput(AgendaItemRequest request) =>
        new(request.Title!.Trim(), request.Presenter?.Trim() ?? "", request.PlannedMinutes ?? 0, request.Notes?.Trim() ?? "");

    private static void CheckText(Dictionary<string, BilingualText> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
            errors[field] = new("Ce champ est requis.", "This field is required.");
        else if (value is not null && value.Trim().Length > max)
            errors[field] = new($"{max} caractères au plus.", $"{max} characters at most.");
    }

    private static string RoleName(TableRole role) => role switch
    {
        TableRole.Organiser => "organiser",
        TableRole.Secretary => "secretary",
        TableRole.Member => "member",
        _ => "none",
    };

    private static ProblemHttpResult TableNotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "table-not-found", "Table introuvable.", "Table not found.");
}
