using System.Globalization;
using System.Security.Claims;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Input;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>The colloque's attendees: the organiser's list and its import, one attendee's export, erasure and cancellation, the attendance sheet; and for the desks, search, the whole list and badges.</summary>
public static class AttendeesApi
{
    public static void MapAttendees(RouteGroupBuilder organiser, RouteGroupBuilder operate)
    {
        organiser.MapPost("/{id:guid}/registrations", RegisterAsync);
        organiser.MapPost("/{id:guid}/registrations/import", ImportAsync);
        organiser.MapGet("/{id:guid}/registrations/{code}", ExportAttendeeAsync);
        organiser.MapDelete("/{id:guid}/registrations/{code}", EraseAttendeeAsync);
        organiser.MapPost("/{id:guid}/registrations/{code}/cancel", CancelAsync);
        organiser.MapGet("/{id:guid}/attendance.csv", AttendanceCsvAsync);
        operate.MapGet("/search", SearchAsync);
        operate.MapGet("/attendees", AttendeesAsync);
        operate.MapGet("/registrations/{code}/badge", BadgeAsync);
        operate.MapGet("/registrations/{code}/qr.svg", QrAsync);
        operate.MapPost("/registrations/{code}/badge-printed", BadgePrintedAsync);
    }

    private static async Task<Results<Ok<RegistrationCreated>, Created<RegistrationCreated>, ProblemHttpResult>> RegisterAsync(
        Guid id, AttendeeRequest request, IGrainFactory grains)
    {
        if (CheckAttendee(request.Name, request.Organisation, request.Category, request.Email, request.Mrc) is not { } details) return InvalidAttendee(request.Name, request.Organisation, request.Category, request.Email, request.Mrc);
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return ColloqueProblems.NotFound();
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
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return ColloqueProblems.NotFound();
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

    private static async Task<Results<Ok<AttendeeExport>, ProblemHttpResult>> ExportAttendeeAsync(Guid id, string code, IGrainFactory grains)
    {
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return ColloqueProblems.UnknownCode();
        return TypedResults.Ok(new AttendeeExport(view, await grains.GetGrain<IColloqueSignupsGrain>(id).GetSignupAsync(code)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAttendeeAsync(Guid id, string code, IGrainFactory grains, ClaimsPrincipal user)
    {
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return ColloqueProblems.UnknownCode();
        // Through the retention grain, so the erasure is logged (without personal data) as the automatic ones are; the
        // registration then tells the directory, the figures and the signups grain after its commit.
        await grains.GetGrain<Grains.Retention.IRetentionGrain>(Retention.RetentionApi.Key)
            .EraseAsync(Grains.Participation.EventSubject.Colloque(id).Key, code, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "organiser");
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(Guid id, string code, CancelRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        code = RegistrationCodes.Normalize(code);
        // The same path as the attendee's own cancellation: the registration frees (or takes back) the place after its commit.
        if (!await grains.GetGrain<IRegistrationGrain>(code).SetCancelledAsync(id, request.Cancelled, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "organiser"))
            return ColloqueProblems.UnknownCode();
        return TypedResults.NoContent();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttendanceCsvAsync(Guid id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque) return ColloqueProblems.NotFound();
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

    private static async Task<Results<Ok<IReadOnlyList<AttendeeJson>>, ProblemHttpResult>> SearchAsync(Guid id, string? q, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 100)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["q"] = new("Tapez au moins une lettre (100 au plus).", "Type at least one letter (100 at most).") });
        var found = await grains.GetGrain<IColloqueDirectoryGrain>(id).SearchAsync(q, 20);
        var views = await Task.WhenAll(found.Select(e => grains.GetGrain<IRegistrationGrain>(e.Code).GetAsync()));
        IReadOnlyList<AttendeeJson> results = found.Zip(views, (e, v) => new AttendeeJson(e.Code, e.Name, e.Organisation, (e.Category),
            v?.Cancelled ?? e.Cancelled, v?.CheckIn?.At, v?.CheckIn?.DeskId, (e.Mrc), v?.BadgePrintedAt is not null || e.BadgePrinted)).ToList();
        return TypedResults.Ok(results);
    }

    /// <summary>The whole list, for a desk's offline copy, the organiser's attendee list and the dashboard's not-yet-arrived list.</summary>
    private static async Task<Results<Ok<AttendeesResponse>, ProblemHttpResult>> AttendeesAsync(Guid id, IGrainFactory grains)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } view) return ColloqueProblems.NotFound();
        var arrivals = view.Arrivals.ToDictionary(a => a.Code);
        var entries = await grains.GetGrain<IColloqueDirectoryGrain>(id).ListAsync();
        return TypedResults.Ok(new AttendeesResponse(view.Version, entries.Select(e => new AttendeeJson(e.Code, e.Name, e.Organisation,
            (e.Category), e.Cancelled, arrivals.GetValueOrDefault(e.Code)?.At, arrivals.GetValueOrDefault(e.Code)?.DeskId,
            (e.Mrc), e.BadgePrinted)).ToList()));
    }

    private static async Task<Results<Ok<BadgeResponse>, ProblemHttpResult>> BadgeAsync(Guid id, string code, IGrainFactory grains)
    {
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return ColloqueProblems.UnknownCode();
        if (await grains.GetGrain<IColloqueGrain>(id).GetAsync() is not { } colloque) return ColloqueProblems.NotFound();
        var signups = grains.GetGrain<IColloqueSignupsGrain>(id);
        var signup = await signups.GetSignupAsync(code);
        var sessions = (await signups.GetProgrammeAsync()).Sessions.ToDictionary(s => s.Id);
        var breakouts = (signup?.Choices ?? []).Where(c => sessions.ContainsKey(c.SessionId)).Select(c => sessions[c.SessionId] is var s
            ? new BadgeBreakout(s.Id, s.TitleFr, s.TitleEn, s.Room, s.StartsAt, s.EndsAt, (c.Status)) : null!).OrderBy(b => b.StartsAt).ToList();
        return TypedResults.Ok(BadgesApi.Badge(id, colloque, code, view.Name, view.Organisation, view.Category) with { Breakouts = breakouts });
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> QrAsync(Guid id, string code, IGrainFactory grains)
    {
        code = RegistrationCodes.Normalize(code);
        var view = await grains.GetGrain<IRegistrationGrain>(code).GetAsync();
        if (view is null || view.ColloqueId != id) return ColloqueProblems.UnknownCode();
        return TypedResults.Content(QrSvg.Of(code), "image/svg+xml");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> BadgePrintedAsync(Guid id, string code, IGrainFactory grains)
    {
        code = RegistrationCodes.Normalize(code);
        if (!await grains.GetGrain<IRegistrationGrain>(code).MarkBadgePrintedAsync(id)) return ColloqueProblems.UnknownCode();
        return TypedResults.NoContent();
    }

    internal static AttendeeDetails? CheckAttendee(string? name, string? organisation, string? category, string? email, string? mrc)
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

    internal static ProblemHttpResult InvalidAttendee(string? name, string? organisation, string? category, string? email, string? mrc)
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
}
