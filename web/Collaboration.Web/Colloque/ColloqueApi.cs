using Collaboration.Grains.Platform;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque: attendee list, desks and pairing, check-ins, live figures, privacy.</summary>
public static class ColloqueApi
{
    public static IEndpointRouteBuilder MapColloqueApi(this IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/api/colloques").WithTags("Colloque").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        organiser.MapPost("/", CreateAsync);
        organiser.MapGet("/", ListAsync);
        organiser.MapPost("/{id:guid}/registrations", RegisterAsync);
        organiser.MapPost("/{id:guid}/registrations/import", ImportAsync);
        organiser.MapGet("/{id:guid}/registrations/{code}", ExportAttendeeAsync);
        organiser.MapDelete("/{id:guid}/registrations/{code}", EraseAttendeeAsync);
        organiser.MapPost("/{id:guid}/registrations/{code}/cancel", CancelAsync);
        organiser.MapPost("/{id:guid}/desks", CreateDeskAsync);
        organiser.MapGet("/{id:guid}/desks", ListDesksAsync);
        organiser.MapPost("/{id:guid}/desks/{deskId}/pairing-code", NewPairingCodeAsync);
        organiser.MapPost("/{id:guid}/desks/{deskId}/revoke", RevokeDeskAsync);
        organiser.MapGet("/{id:guid}/attendance.csv", AttendanceCsvAsync);
        organiser.MapPost("/{id:guid}/stats/rebuild", RebuildAsync);

        // Organisers, and the desks paired with THIS colloque (checked in each handler).
        var operate = app.MapGroup("/api/colloques/{id:guid}").WithTags("Colloque").RequireAuthorization();
        operate.MapGet("/", GetAsync);
        operate.MapPost("/checkins", CheckInAsync);
        operate.MapDelete("/checkins/{code}", UndoAsync);
        operate.MapPost("/walkins", WalkInAsync);
        operate.MapGet("/stats", StatsAsync);
        operate.MapGet("/search", SearchAsync);
        operate.MapGet("/attendees", AttendeesAsync);
        operate.MapGet("/registrations/{code}/badge", BadgeAsync);
        operate.MapGet("/registrations/{code}/qr.svg", QrAsync);
        operate.MapPost("/registrations/{code}/badge-printed", BadgePrintedAsync);

        var desks = app.MapGroup("/api/desks").WithTags("Colloque");
        desks.MapPost("/pair", PairAsync).RequireRateLimiting(RateLimits.SignInLinks);
        app.MapColloqueBadgesApi();
        desks.MapGet("/me", DeskMeAsync).AllowAnonymous(); // the desk page asks first: "not paired" is an answer, not an error

        app.MapSignupsApi();
        app.MapProgrammeApi();
        return app;
    }

    // ---- requests and responses -------------------------------------------------------------

    public sealed record CreateColloqueRequest(string? Title, string? Date, string? Venue);

    public sealed record ColloqueCreated(Guid Id, string Title, DateOnly Date, string Venue);

    public sealed record AttendeeRequest(string? Name, string? Organisation, string? Category, string? Email, string? Mrc = null);

    public sealed record RegistrationCreated(string Code, bool Created);

    public sealed record ImportLineError(int Line, IReadOnlyList<BilingualText> Messages);

    public sealed record ImportPreview(int Total, int Valid, string Encoding, string Delimiter, IReadOnlyList<ImportLineError> Errors,
        IReadOnlyList<AttendeeJson> Sample);

    public sealed record ImportApplied(int Total, int From, int Processed, int Created, int Updated, IReadOnlyList<ImportLineError> Errors);

    public sealed record DeskRequest(string? Name);

    public sealed record DeskCreated(string DeskId, string Name, string PairingCode, DateTimeOffset ExpiresAt);

    public sealed record PairRequest(string? PairingCode);

    /// <summary>A desk and the devices signed in as it (one per paired device, until revoked).</summary>
    public sealed record DeskSessions(string DeskId, string Name, IReadOnlyList<DeskDevice> Devices);

    public sealed record DeskDevice(DateTimeOffset PairedAt, string? Address, string? UserAgent);

    public sealed record DeskRevoked(string DeskId, int Ended);

    /// <summary>What this device operates as. Paired false: show the pairing form (Organiser: an organiser, who may open a colloque's "Organisation" desk).</summary>
    public sealed record DeskIdentity(Guid ColloqueId, string DeskId, string DeskName, string Title, bool Paired = true, bool Organiser = false);

    /// <summary><c>Override</c> (organiser only): admit a waitlisted attendee, giving them a place.</summary>
    public sealed record CheckInBody(string? Code, string? Nonce, string? Operator, DateTimeOffset? ScannedAt, bool? Override = null);

    /// <summary><c>Override</c> (organiser only): admit although the category is full.</summary>
    public sealed record WalkInBody(string? Name, string? Organisation, string? Category, string? Email, string? Nonce, string? Operator, string? Mrc = null,
        bool? Override = null);

    public sealed record CheckInResponse(CheckInResult Result, string Code, DateTimeOffset? CheckedInAt, string? DeskId, string? DeskName,
        string? Operator, string? Name, string? Organisation, AttendeeCategory? Category);

    public sealed record UndoResponse(UndoResult Result);

    public sealed record AttendeeJson(string Code, string Name, string Organisation, AttendeeCategory Category, bool Cancelled,
        DateTimeOffset? CheckedInAt, string? DeskId, Mrc? Mrc = null, bool BadgePrinted = false);

    public sealed record AttendeesResponse(long Version, IReadOnlyList<AttendeeJson> Attendees);

    public sealed record DeskCount(string DeskId, string Name, int Count);

    public sealed record RecentJson(string Code, string Name, string Organisation, AttendeeCategory Category, string? DeskId, DateTimeOffset At);

    public sealed record StatsResponse(Guid Id, string Title, DateOnly Date, string Venue, int Registered, int Arrived,
        IReadOnlyDictionary<AttendeeCategory, int> ByCategory, IReadOnlyList<DeskCount> ByDesk, IReadOnlyList<RecentJson> Recent, long Version);

    public sealed record BadgeBreakout(Guid SessionId, string TitleFr, string TitleEn, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ChoiceStatus Status);

    /// <summary>A badge, with its colloque's title and date (printed on each), and the attendee's breakouts on the single badge.</summary>
    public sealed record BadgeResponse(string Code, string Name, string Organisation, AttendeeCategory Category, string QrUrl, string Title, DateOnly Date,
        IReadOnlyList<BadgeBreakout>? Breakouts = null);

    // ---- organiser ----------------------------------------------------------------------------

    private static async Task<Results<Created<ColloqueCreated>, ProblemHttpResult>> CreateAsync(CreateColloqueRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        var title = request.Title?.Trim() ?? "";
        var venue = request.Venue?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = new("Entrez un titre (200 caractères au plus).", "Enter a title (200 characters at most).");
        var date = DateInput.Parse(errors, "date", request.Date, clock.GetUtcNow()) ?? default;
        if (string.IsNullOrWhiteSpace(request.Date)) errors["date"] = new("Entrez une date (AAAA-MM-JJ).", "Enter a date (YYYY-MM-DD).");
        if (venue.Length > 200) errors["venue"] = new("Le lieu a 200 caractères au plus.", "The venue has 200 characters at most.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var id = Guid.NewGuid();
        await grains.GetGrain<IColloqueGrain>(id).CreateAsync(new ColloqueDetails(title, date, venue));
        await grains.GetGrain<IColloqueIndexGrain>("all").AddAsync(new ColloqueSummary(id, title, date, venue));
        return TypedResults.Created($"/api/colloques/{id}", new ColloqueCreated(id, title, date, venue));
    }

    private static async Task<Ok<IReadOnlyList<ColloqueSummary>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync());

    private static async Task<Results<Ok<RegistrationCreated>, Created<RegistrationCreated>, ProblemHttpResult>> RegisterAsync(
        Guid id, AttendeeRequest request, IGrainFactory grains)
    {
        if (CheckAttendee(request.Name, request.Organisation, request.Category, request.Email, request.Mrc) is not { } details) return InvalidAttendee(request.Name, request.Organisation, request.Category, request.Email, request.Mrc);
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return NotFound();
        var outcome = (await grains.GetGrain<IColloqueSignupsGrain>(id).ImportAsync([new(details, RegistrationCodes.MatchKey(details))]))[0];
        var body = new RegistrationCreated(outcome.Code, outcome.Created);
        return outcome.Created ? TypedResults.Created($"/api/colloques/{id}/registrations/{outcome.Code}", body) : TypedResults.Ok(body);
    }

    /// <summary>The most lines one <c>apply</c> slice may ask for.</summary>
    public const int MaxSlice = 2_000;

    /// <summary>Lines given to the signups grain in one call.</summary>
    private const int ImportPart = 250;

    /// <summary>
    /// <c>?mode=preview</c> (default): every line's errors, nothing stored. <c>?mode=apply&amp;from=0&amp;count=500</c>:
    /// applies the valid lines among data lines [from, from+count) — the page sends a big file in
    /// slices and shows the progress; <c>?mode=apply</c> alone applies every line previewed; re-importing updates by email instead of duplicating.
    /// </summary>
    private static async Task<Results<Ok<ImportPreview>, Ok<ImportApplied>, ProblemHttpResult>> ImportAsync(
        Guid id, HttpRequest http, IGrainFactory grains, string? mode, int? from, int? count)
    {
        var content = await ReadBodyAsync(http);
        if (content is null)
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "file-too-large",
                $"Le fichier dépasse {AttendeeImport.MaxBytes / 1024 / 1024} Mo.", $"The file is larger than {AttendeeImport.MaxBytes / 1024 / 1024} MB.");
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return NotFound();
        var parsed = AttendeeImport.Parse(content);
        var lines = parsed.Rows.Select(r => (r.Line, Row: (AttendeeImport.Row?)r, Error: (AttendeeImport.LineError?)null))
            .Concat(parsed.Errors.Select(e => (e.Line, Row: (AttendeeImport.Row?)null, Error: (AttendeeImport.LineError?)e)))
            .OrderBy(l => l.Line).ToList();

        if (mode is null or "preview")
            return TypedResults.Ok(new ImportPreview(parsed.Total, parsed.Rows.Count, parsed.Encoding, parsed.Delimiter.ToString(),
                parsed.Errors.Select(e => new ImportLineError(e.Line, e.Messages)).ToList(),
                parsed.Rows.Take(5).Select(r => new AttendeeJson("", r.Details.Name, r.Details.Organisation, (r.Details.Category), false, null, null,
                    (r.Details.Mrc))).ToList()));
        if (mode != "apply")
            return Problems.Validation(new Dictionary<string, BilingualText> { ["mode"] = new("Mode « preview » ou « apply ».", "Mode \"preview\" or \"apply\".") });

        // No range: everything previewed. A range: at most MaxSlice lines, said so when asked for more.
        if (count is not null and not (>= 1 and <= MaxSlice) || from is < 0)
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["count"] = new($"Une tranche compte de 1 à {MaxSlice} lignes (sans from ni count : tout le fichier).",
                    $"A slice has 1 to {MaxSlice} lines (without from and count: the whole file)."),
            });
        var start = Math.Min(from ?? 0, lines.Count);
        var size = count ?? lines.Count - start;
        var slice = lines.Skip(start).Take(size).ToList();
        var valid = slice.Where(l => l.Row is not null).Select(l => l.Row!.Details).ToList();
        // In slices, each answered once its registrations exist (a grain call must end well within Orleans' 30 s).
        var outcomes = new List<ImportOutcome>();
        foreach (var part in valid.Chunk(ImportPart))
            outcomes.AddRange(await grains.GetGrain<IColloqueSignupsGrain>(id).ImportAsync([.. part.Select(d => new ImportedAttendee(d, RegistrationCodes.MatchKey(d)))]));
        return TypedResults.Ok(new ImportApplied(lines.Count, start, start + slice.Count,
            outcomes.Count(o => o.Created), outcomes.Count(o => !o.Created),
            slice.Where(l => l.Error is not null).Select(l => new ImportLineError(l.Line, l.Error!.Messages)).ToList()));
    }

    /// <summary>Everything held on one attendee (Law 25 export): the registration, its needs, and its place and breakout choices.</summary>
    public sealed record AttendeeExport(RegistrationView Registration, SignupView? Place);

    private static async Task<Results<Ok<AttendeeExport>, ProblemHttpResult>> ExportAttendeeAsync(Guid id, string code, IGrainFactory grains)
    {
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return UnknownCode();
        return TypedResults.Ok(new AttendeeExport(view, await grains.GetGrain<IColloqueSignupsGrain>(id).GetSignupAsync(code)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAttendeeAsync(Guid id, string code, IGrainFactory grains, ClaimsPrincipal user)
    {
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return UnknownCode();
        // Through the retention grain, so the erasure is logged (without personal data) as the automatic ones are; the
        // registration then tells the directory, the figures and the signups grain after its commit.
        await grains.GetGrain<Grains.Retention.IRetentionGrain>(Retention.RetentionApi.Key)
            .EraseAsync(Grains.Participation.EventSubject.Colloque(id).Key, code, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "organiser");
        return TypedResults.NoContent();
    }

    public sealed record CancelRequest(bool Cancelled);

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(Guid id, string code, CancelRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        code = RegistrationCodes.Normalize(code);
        // The same path as the attendee's own cancellation: the registration frees (or takes back) the place after its commit.
        if (!await grains.GetGrain<IRegistrationGrain>(code).SetCancelledAsync(id, request.Cancelled, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "organiser"))
            return UnknownCode();
        return TypedResults.NoContent();
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
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque) return NotFound();
        var desks = new List<DeskSessions>();
        foreach (var desk in colloque.Desks)
        {
            var active = await sessions.ListActiveAsync(SessionSubjects.Desk(id, desk.DeskId));
            desks.Add(new DeskSessions(desk.DeskId, desk.Name, [.. active.Select(a => new DeskDevice(a.StartedAt, a.Address, a.UserAgent))]));
        }
        return TypedResults.Ok(desks);
    }

    /// <summary>Signs every device of the desk out at once, on every node (its next scan gets 401, its hub connection closes).</summary>
    private static async Task<Results<Ok<DeskRevoked>, ProblemHttpResult>> RevokeDeskAsync(Guid id, string deskId, IGrainFactory grains, Sessions sessions)
    {
        if ((await grains.GetGrain<IColloqueGrain>(id).GetAsync())?.Desks.Any(d => d.DeskId == deskId) != true) return UnknownDesk();
        return TypedResults.Ok(new DeskRevoked(deskId, await sessions.EndAllAsync(SessionSubjects.Desk(id, deskId), "desk-revoked")));
    }

    /// <summary>A new code for a desk; the devices paired with the old one are signed out.</summary>
    private static async Task<Results<Ok<DeskCreated>, ProblemHttpResult>> NewPairingCodeAsync(Guid id, string deskId, IGrainFactory grains, PairingCodes pairing,
        Sessions sessions)
    {
        var desk = (await grains.GetGrain<IColloqueGrain>(id).GetAsync())?.Desks.FirstOrDefault(d => d.DeskId == deskId);
        if (desk is null) return UnknownDesk();
        await sessions.EndAllAsync(SessionSubjects.Desk(id, deskId), "new-pairing-code");
        var (code, expiresAt) = await pairing.IssueAsync($"colloque:{id}", deskId);
        return TypedResults.Ok(new DeskCreated(deskId, desk.Name, code, expiresAt));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttendanceCsvAsync(Guid id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque) return NotFound();
        var entries = await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync();
        var views = new List<RegistrationView>();
        foreach (var chunk in entries.Chunk(200))
            views.AddRange((await Task.WhenAll(chunk.Select(e => grains.GetGrain<IRegistrationGrain>(e.Code).GetAsync()))).OfType<RegistrationView>());
        var desks = colloque.Desks.ToDictionary(d => d.DeskId, d => d.Name);
        // Semicolons: what a French-Canadian spreadsheet opens without a wizard.
        return CsvExport.File($"presences-{colloque.Date:yyyy-MM-dd}.csv",
            ["Code", "Nom", "Organisation", "Catégorie", "Courriel", "Présent", "Arrivée (heure du Québec)", "Accueil", "Opérateur", "Annulé"],
            views.Select(v => new[]
            {
                v.Code, v.Name, v.Organisation, StrictEnumConverterFactory.WireName(v.Category.ToString()), v.Email,
                v.CheckIn is null ? "non" : "oui",
                v.CheckIn is null ? "" : QuebecTime.InQuebec(v.CheckIn.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                v.CheckIn is null ? "" : desks.GetValueOrDefault(v.CheckIn.DeskId, v.CheckIn.DeskName),
                v.CheckIn?.Operator ?? "",
                v.Cancelled ? "oui" : "non",
            }), delimiter: ";");
    }

    public sealed record RebuildResponse(int Changed);

    /// <summary>An operator's tool: the figures are kept by the registrations' after-commit path, not by this.</summary>
    private static async Task<Ok<RebuildResponse>> RebuildAsync(Guid id, IGrainFactory grains) =>
        TypedResults.Ok(new RebuildResponse(await grains.GetGrain<IColloqueGrain>(id).RebuildAsync()));

    // ---- organisers and this colloque's desks ------------------------------------------------

    private static async Task<Results<Ok<ColloqueView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        return await grains.GetGrain<IColloqueGrain>(id).GetAsync() is { } view ? TypedResults.Ok(view) : NotFound();
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckInAsync(Guid id, CheckInBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        var code = RegistrationCodes.Normalize(body.Code);
        var errors = new Dictionary<string, BilingualText>();
        if (!RegistrationCodes.LooksValid(code)) errors["code"] = new("Code de badge manquant ou invalide.", "Missing or invalid badge code.");
        if (string.IsNullOrWhiteSpace(body.Nonce) || body.Nonce.Length > 100) errors["nonce"] = new("Identifiant de lecture manquant.", "Missing scan id.");
        if (body.Operator is { Length: > 80 }) errors["operator"] = new("Nom d'opérateur trop long.", "Operator name too long.");
        if (errors.Count > 0) return Problems.Validation(errors);
        if (body.Override == true && !ColloquePermissions.CanManage(user)) return OverrideOrganiserOnly();

        var (deskId, deskName) = DeskOf(user);
        var answer = await grains.GetGrain<IRegistrationGrain>(code).CheckInAsync(
            new CheckInRequest(id, body.Nonce!, deskId, deskName, OperatorOf(user, body.Operator), body.ScannedAt), admitWaitlisted: body.Override == true);
        return TypedResults.Ok(ToResponse(answer));
    }

    private static async Task<Results<Ok<UndoResponse>, ProblemHttpResult>> UndoAsync(Guid id, string code, ClaimsPrincipal user, IGrainFactory grains, string? @operator)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        var answer = await grains.GetGrain<IRegistrationGrain>(RegistrationCodes.Normalize(code))
            .UndoCheckInAsync(new UndoRequest(id, ColloquePermissions.DeskOf(user), OperatorOf(user, @operator)));
        return answer.Result switch
        {
            UndoResult.Undone or UndoResult.NotCheckedIn => TypedResults.Ok(new UndoResponse(answer.Result)),
            UndoResult.Unknown => UnknownCode(),
            UndoResult.OtherDesk => Problems.Create(StatusCodes.Status403Forbidden, "other-desk",
                "Seul l'accueil qui a fait l'enregistrement (ou l'organisateur) peut l'annuler.", "Only the desk that checked this badge in (or the organiser) can undo it."),
            _ => Problems.Create(StatusCodes.Status403Forbidden, "undo-too-late",
                "Plus de 2 minutes : demandez à l'organisateur d'annuler.", "More than 2 minutes ago: ask the organiser to undo it."),
        };
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> WalkInAsync(Guid id, WalkInBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        if (CheckAttendee(body.Name, body.Organisation, body.Category, body.Email, body.Mrc) is not { } details) return InvalidAttendee(body.Name, body.Organisation, body.Category, body.Email, body.Mrc);
        if (string.IsNullOrWhiteSpace(body.Nonce) || body.Nonce.Length > 100)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["nonce"] = new("Identifiant de lecture manquant.", "Missing scan id.") });
        if (body.Override == true && !ColloquePermissions.CanManage(user)) return OverrideOrganiserOnly();
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return NotFound();
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

    private static async Task<Results<Ok<StatsResponse>, ProblemHttpResult>> StatsAsync(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } view) return NotFound();
        var registered = (await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync()).Count(e => !e.Cancelled);
        return TypedResults.Ok(Stats(view, registered));
    }

    /// <summary>
    /// The figures, each list adding up to <c>Arrived</c>: every category (zero included), and every desk
    /// plus the organisers' own check-ins under "Organisation" (always listed, last).
    /// </summary>
    public static StatsResponse Stats(ColloqueView view, int registered) => new(view.Id, view.Title, view.Date, view.Venue, registered, view.Arrived,
        Enum.GetValues<AttendeeCategory>().ToDictionary(c => c, c => view.ArrivedByCategory.GetValueOrDefault(c)),
        [.. view.Desks.Select(d => new DeskCount(d.DeskId, d.Name, view.ArrivedByDesk.GetValueOrDefault(d.DeskId))),
            new DeskCount(Desk.OrganiserDeskId, Desk.OrganiserDeskName,
                view.ArrivedByDesk.Where(p => view.Desks.All(d => d.DeskId != p.Key)).Sum(p => p.Value))],
        view.RecentArrivals.Select(r => new RecentJson(r.Code, r.Name, r.Organisation, (r.Category), r.DeskId, r.At)).ToList(),
        view.Version);

    private static async Task<Results<Ok<IReadOnlyList<AttendeeJson>>, ProblemHttpResult>> SearchAsync(Guid id, string? q, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        if (string.IsNullOrWhiteSpace(q) || q.Length > 100)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["q"] = new("Tapez au moins une lettre (100 au plus).", "Type at least one letter (100 at most).") });
        var found = await grains.GetGrain<IColloqueDirectoryGrain>(id).SearchAsync(q, 20);
        var views = await Task.WhenAll(found.Select(e => grains.GetGrain<IRegistrationGrain>(e.Code).GetAsync()));
        IReadOnlyList<AttendeeJson> results = found.Zip(views, (e, v) => new AttendeeJson(e.Code, e.Name, e.Organisation, (e.Category),
            v?.Cancelled ?? e.Cancelled, v?.CheckIn?.At, v?.CheckIn?.DeskId, (e.Mrc), v?.BadgePrintedAt is not null || e.BadgePrinted)).ToList();
        return TypedResults.Ok(results);
    }

    /// <summary>The whole list, for a desk's offline copy, the organiser's attendee list and the dashboard's not-yet-arrived list.</summary>
    private static async Task<Results<Ok<AttendeesResponse>, ProblemHttpResult>> AttendeesAsync(Guid id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } view) return NotFound();
        var arrivals = view.Arrivals.ToDictionary(a => a.Code);
        var entries = await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync();
        return TypedResults.Ok(new AttendeesResponse(view.Version, entries.Select(e => new AttendeeJson(e.Code, e.Name, e.Organisation,
            (e.Category), e.Cancelled, arrivals.GetValueOrDefault(e.Code)?.At, arrivals.GetValueOrDefault(e.Code)?.DeskId,
            (e.Mrc), e.BadgePrinted)).ToList()));
    }

    private static async Task<Results<Ok<BadgeResponse>, ProblemHttpResult>> BadgeAsync(Guid id, string code, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return UnknownCode();
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque) return NotFound();
        var signups = grains.GetGrain<IColloqueSignupsGrain>(id);
        var signup = await signups.GetSignupAsync(code);
        var sessions = (await signups.GetProgrammeAsync()).Sessions.ToDictionary(s => s.Id);
        var breakouts = (signup?.Choices ?? []).Where(c => sessions.ContainsKey(c.SessionId)).Select(c => sessions[c.SessionId] is var s
            ? new BadgeBreakout(s.Id, s.TitleFr, s.TitleEn, s.Room, s.StartsAt, s.EndsAt, (c.Status)) : null!).OrderBy(b => b.StartsAt).ToList();
        return TypedResults.Ok(BadgesApi.Badge(id, colloque, code, view.Name, view.Organisation, view.Category) with { Breakouts = breakouts });
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> QrAsync(Guid id, string code, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return UnknownCode();
        return TypedResults.Content(QrSvg.Of(code), "image/svg+xml");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> BadgePrintedAsync(Guid id, string code, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ColloquePermissions.CanOperate(user, id)) return Problems.Forbidden();
        code = RegistrationCodes.Normalize(code);
        if (!await grains.GetGrain<IRegistrationGrain>(code).MarkBadgePrintedAsync(id)) return UnknownCode();
        return TypedResults.NoContent();
    }

    // ---- desks ----------------------------------------------------------------------------------

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
    private static async Task<Ok<DeskIdentity>> DeskMeAsync(ClaimsPrincipal user, IGrainFactory grains, Guid? colloque)
    {
        if (user.IsInRole(Roles.Desk) && Guid.TryParse(user.FindFirstValue(ColloqueClaims.ColloqueId), out var colloqueId))
        {
            var title = (await grains.GetGrain<IColloqueGrain>(colloqueId).GetDetailsAsync())?.Title ?? "";
            return TypedResults.Ok(new DeskIdentity(colloqueId, user.FindFirstValue(ColloqueClaims.DeskId)!, user.FindFirstValue(ClaimTypes.Name) ?? "", title));
        }
        var organiser = ColloquePermissions.CanManage(user);
        if (organiser && colloque is { } id && await grains.GetGrain<IColloqueGrain>(id).GetAsync() is { } view)
            return TypedResults.Ok(new DeskIdentity(id, Desk.OrganiserDeskId, Desk.OrganiserDeskName, view.Title, Organiser: true));
        return TypedResults.Ok(new DeskIdentity(Guid.Empty, "", "", "", Paired: false, Organiser: organiser));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    public static CheckInResponse ToResponse(CheckInAnswer answer) => new(answer.Result, answer.Code, answer.CheckedInAt, answer.DeskId, answer.DeskName, answer.Operator,
        answer.Result == CheckInResult.Unknown ? null : answer.Name, answer.Result == CheckInResult.Unknown ? null : answer.Organisation,
        answer.Result == CheckInResult.Unknown ? null : answer.Category);

    private static (string DeskId, string DeskName) DeskOf(ClaimsPrincipal user) =>
        ColloquePermissions.DeskOf(user) is { } deskId ? (deskId, user.FindFirstValue(ClaimTypes.Name) ?? deskId) : (Desk.OrganiserDeskId, Desk.OrganiserDeskName);

    /// <summary>Who scanned: the name typed at the desk, else an organiser's own name; a desk's name is not an operator ("… at Accueil A by Accueil A").</summary>
    private static string OperatorOf(ClaimsPrincipal user, string? typed)
    {
        var name = typed?.Trim();
        if (!string.IsNullOrEmpty(name)) return name.Length > 80 ? name[..80] : name;
        return user.IsInRole(Roles.Desk) ? "" : user.FindFirstValue(ClaimTypes.Name) ?? "";
    }

    private static AttendeeDetails? CheckAttendee(string? name, string? organisation, string? category, string? email, string? mrc)
    {
        name = name?.Trim() ?? "";
        organisation = organisation?.Trim() ?? "";
        email = email?.Trim() ?? "";
        if (name.Length is 0 or > AttendeeImport.MaxFieldLength || organisation.Length > AttendeeImport.MaxFieldLength) return null;
        if (!CategorySpellings.TryParse(category, out var parsed)) return null;
        if (email.Length > 0 && !EmailAddress.IsValid(email)) return null;
        if (!MrcSpellings.TryParse(mrc, out var parsedMrc)) return null;
        return new AttendeeDetails(name, organisation, parsed, email.Length > 0 ? EmailAddress.Normalize(email) : "", parsedMrc);
    }

    private static ProblemHttpResult InvalidAttendee(string? name, string? organisation, string? category, string? email, string? mrc)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > AttendeeImport.MaxFieldLength)
            errors["name"] = new("Entrez le nom (200 caractères au plus).", "Enter the name (200 characters at most).");
        if (organisation?.Trim().Length > AttendeeImport.MaxFieldLength)
            errors["organisation"] = new("L'organisation a 200 caractères au plus.", "The organisation has 200 characters at most.");
        if (!CategorySpellings.TryParse(category, out _))
            errors["category"] = new("Choisissez une catégorie.", "Choose a category.");
        if (!string.IsNullOrWhiteSpace(email) && !EmailAddress.IsValid(email))
            errors["email"] = new("Entrez une adresse courriel valide.", "Enter a valid email address.");
        if (!MrcSpellings.TryParse(mrc, out _))
            errors["mrc"] = new("Choisissez une MRC de Lanaudière, ou « hors région ».", "Choose a Lanaudière MRC, or \"outside the region\".");
        return Problems.Validation(errors);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest http)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync();
            var file = form.Files.FirstOrDefault();
            if (file is null) return [];
            if (file.Length > AttendeeImport.MaxBytes) return null;
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            return stream.ToArray();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > AttendeeImport.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult NotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-colloque", "Colloque introuvable.", "Colloque not found.");

    private static ProblemHttpResult UnknownDesk() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-desk", "Accueil introuvable.", "Desk not found.");

    private static ProblemHttpResult UnknownCode() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-code", "Aucune inscription sous ce code.", "No registration under this code.");
}
