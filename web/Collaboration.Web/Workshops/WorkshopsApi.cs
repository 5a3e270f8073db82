using System.Security.Claims;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Mail;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Permissions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Web.Workshops;

/// <summary>
/// Employer workshops: the public catalogue, anonymous registration, the private manage link
/// (token in the query string <c>?token=</c> as the issue asks, or in the <c>X-Manage-Token</c>
/// header, which the browser pages use so the token stays out of server logs), and the
/// organiser's tools.
/// </summary>
public static class WorkshopsApi
{
    public static IEndpointRouteBuilder MapWorkshopsApi(this IEndpointRouteBuilder app)
    {
        var workshops = app.MapGroup("/api/workshops").WithTags("Workshops");
        workshops.MapGet("/", ListAsync);
        workshops.MapPost("/", CreateAsync).Requires(WorkshopAction.Organise);
        workshops.MapGet("/{id:guid}", GetAsync);
        workshops.MapPatch("/{id:guid}", UpdateAsync).Requires(WorkshopAction.Organise);
        workshops.MapGet("/{id:guid}/calendar.ics", CalendarAsync);
        workshops.MapPost("/{id:guid}/registrations", RegisterAsync).RequireRateLimiting(RateLimits.Registrations);
        workshops.MapPost("/{id:guid}/manage-link", RequestManageLinkAsync).RequireRateLimiting(RateLimits.LinkRequests);
        workshops.MapGet("/{id:guid}/registrants", RegistrantsAsync).Requires(WorkshopAction.Organise);
        workshops.MapGet("/{id:guid}/registrations.csv", CsvAsync).Requires(WorkshopAction.Organise);
        workshops.MapPost("/{id:guid}/registrants/{code}/attendance", MarkAttendanceAsync).Requires(WorkshopAction.Organise);

        // Reads have a generous bucket of their own (a private page re-reads its registration
        // whenever the session's waitlist moves); changes share the registrations' bucket.
        var registrations = app.MapGroup("/api/registrations").WithTags("Workshops");
        registrations.MapGet("/{id}", GetRegistrationAsync).RequireRateLimiting(RateLimits.RegistrationReads);
        registrations.MapDelete("/{id}", CancelRegistrationAsync).RequireRateLimiting(RateLimits.Registrations);
        registrations.MapPatch("/{id}", ChangeSeatsAsync).RequireRateLimiting(RateLimits.Registrations);
        registrations.MapGet("/{id}/qr.svg", QrCodeAsync).RequireRateLimiting(RateLimits.RegistrationReads);
        return app;
    }

    public sealed record CreateWorkshopRequest(
        string? TitleFr, string? TitleEn, string? DescriptionFr, string? DescriptionEn,
        DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Place, string? OnlineLink, int? Capacity,
        DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt);

    public sealed record UpdateWorkshopRequest(int? Capacity, WorkshopStatus? Status);

    /// <summary><c>Website</c> is the honeypot: hidden from people, filled only by robots.</summary>
    public sealed record RegisterRequest(
        string? Organisation, string? ContactName, string? Email, string? Phone, int? Seats, string? Sector, bool? Consent,
        string? Website, string? Language = null);

    /// <summary>What a new registration returns. <c>ManageToken</c> is shown once.</summary>
    public sealed record RegistrationCreated(
        string Id, string Code, RegistrationStatus Status, int? Position, int Seats, string ManageToken, string ManageUrl,
        bool AlreadyRegistered);

    /// <summary>The address already holds a registration here: nothing of it is told, its manage link went to the address.</summary>
    public sealed record ExistingRegistration(bool AlreadyRegistered, bool ManageLinkSent);

    public sealed record ManageLinkRequest(string? Email, string? Language);

    public sealed record ChangeSeatsRequest(int? Seats);

    public sealed record AttendanceRequest(bool? Attended);

    private static async Task<Ok<List<WorkshopSummary>>> ListAsync(IGrainFactory grains, ClaimsPrincipal user, WorkshopsPermissions permissions, TimeProvider clock, bool? all)
    {
        var includePast = all == true && permissions.Allows(user, WorkshopAction.Organise);
        return TypedResults.Ok(await WorkshopCatalog.ListAsync(grains, clock.GetUtcNow(), includePast));
    }

    private static async Task<Results<Created<WorkshopSummary>, ProblemHttpResult>> CreateAsync(
        CreateWorkshopRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var errors = WorkshopInput.CheckWorkshop(request, clock);
        if (errors.Count > 0) return Problems.Validation(errors);

        var id = Guid.NewGuid();
        var details = new WorkshopDetails(
            request.TitleFr!.Trim(), request.TitleEn!.Trim(), request.DescriptionFr?.Trim() ?? "", request.DescriptionEn?.Trim() ?? "",
            request.StartsAt!.Value, request.EndsAt!.Value, Blank(request.Place), Blank(request.OnlineLink),
            request.RegistrationOpensAt ?? clock.GetUtcNow(), request.RegistrationClosesAt ?? request.StartsAt.Value);
        // The catalogue first: a session it lists but that was never created is skipped by the list.
        await grains.GetGrain<IWorkshopCatalogGrain>(WorkshopCatalogGrain.Key).AddAsync(id);
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        await session.CreateAsync(details, request.Capacity!.Value);
        var summary = WorkshopSummary.From((await session.GetAsync())!);
        return TypedResults.Created($"/api/workshops/{id}", summary);
    }

    private static async Task<Results<Ok<WorkshopSummary>, ProblemHttpResult>> GetAsync(Guid id, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IWorkshopSessionGrain>(id).GetAsync();
        return view is null ? SessionNotFound() : TypedResults.Ok(WorkshopSummary.From(view));
    }

    private static async Task<Results<Ok<WorkshopSummary>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateWorkshopRequest request, IGrainFactory grains)
    {
        if (request.Capacity is not null and not (>= 1 and <= WorkshopSessionGrain.MaxCapacity))
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["capacity"] = new($"Capacité : de 1 à {WorkshopSessionGrain.MaxCapacity} places.", $"Capacity: from 1 to {WorkshopSessionGrain.MaxCapacity} seats."),
            });
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        var update = await session.UpdateAsync(request.Capacity, request.Status);
        if (update.Result == WorkshopUpdateResult.SessionNotFound) return SessionNotFound();
        return TypedResults.Ok(WorkshopSummary.From((await session.GetAsync())!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalendarAsync(
        Guid id, IGrainFactory grains, HttpRequest http, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MailOptions> mail)
    {
        var view = await grains.GetGrain<IWorkshopSessionGrain>(id).GetAsync();
        if (view is null) return SessionNotFound();
        var page = new Uri($"{http.Scheme}://{http.Host}/workshops/session.html?id={id}");
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(WorkshopCalendar.Build(view, page, clock.GetUtcNow(), Calendar.CalendarOrganizer.From(mail.Value))),
            "text/calendar; charset=utf-8", $"atelier-{id:N}.ics");
    }

    private static async Task<Results<Created<RegistrationCreated>, Ok<ExistingRegistration>, ProblemHttpResult>> RegisterAsync(
        Guid id, RegisterRequest request, IGrainFactory grains, MailLinks mailLinks)
    {
        var errors = WorkshopInput.CheckRegistration(request);
        if (errors.Count > 0) return Problems.Validation(errors);

        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = RegistrationIds.NewCode();
            var token = SecretTokens.NewToken();
            var outcome = await session.RegisterAsync(new RegistrationRequest(
                code, SecretTokens.Hash(token), request.Organisation!.Trim(), request.ContactName!.Trim(),
                EmailAddress.Normalize(request.Email!), Blank(request.Phone), request.Seats!.Value, request.Sector!.Trim(), true,
                mailLinks.SealManageToken(token), request.Language is "fr" or "en" ? request.Language : null));
            switch (outcome.Result)
            {
                case RegistrationResult.CodeTaken:
                    continue;
                case RegistrationResult.Ok:
                    var registrationId = RegistrationIds.Format(id, code);
                    return TypedResults.Created($"/api/registrations/{registrationId}", new RegistrationCreated(
                        registrationId, RegistrationIds.Display(code), outcome.Registration!.Status, outcome.Registration.Position,
                        outcome.Registration.Seats, token, ManageUrl(registrationId, token), AlreadyRegistered: false));
                case RegistrationResult.AlreadyRegistered:
                    // Nothing of the existing registration (its code is what the door scans): the grain mailed
                    // its manage link to the address, so only the address's owner can open it.
                    return TypedResults.Ok(new ExistingRegistration(AlreadyRegistered: true, ManageLinkSent: true));
                default:
                    return Refusal(outcome.Result);
            }
        }
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, "try-again",
            "Réessayez dans un instant.", "Try again in a moment.");
    }

    /// <summary>
    /// "Find my registration": the same 202 for any well-formed address of an existing session, known
    /// or not, and it does not wait on the message a known address causes (the grain writes it after).
    /// </summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> RequestManageLinkAsync(Guid id, ManageLinkRequest request, IGrainFactory grains)
    {
        var errors = WorkshopInput.CheckManageLinkRequest(request);
        if (errors.Count > 0) return Problems.Validation(errors);
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        if (await session.GetAsync() is null) return SessionNotFound();
        await session.RequestManageLinkAsync(EmailAddress.Normalize(request.Email!), request.Language is "fr" or "en" ? request.Language : null);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<RegistrationDetails>, ProblemHttpResult>> GetRegistrationAsync(
        string id, [FromQuery] string? token, IGrainFactory grains, HttpRequest http)
    {
        if (!TryOpen(id, token, http, out var sessionId, out var code, out var tokenHash)) return RegistrationNotFound();
        var session = grains.GetGrain<IWorkshopSessionGrain>(sessionId);
        var outcome = await session.GetRegistrationAsync(code, tokenHash);
        if (outcome.Result != RegistrationResult.Ok) return RegistrationNotFound();
        return TypedResults.Ok(await DetailsAsync(session, sessionId, outcome.Registration!));
    }

    private static async Task<Results<Ok<RegistrationDetails>, ProblemHttpResult>> CancelRegistrationAsync(
        string id, [FromQuery] string? token, IGrainFactory grains, HttpRequest http)
    {
        if (!TryOpen(id, token, http, out var sessionId, out var code, out var tokenHash)) return RegistrationNotFound();
        var session = grains.GetGrain<IWorkshopSessionGrain>(sessionId);
        var outcome = await session.CancelRegistrationAsync(code, tokenHash);
        return outcome.Result switch
        {
            RegistrationResult.Ok or RegistrationResult.AlreadyCancelled => TypedResults.Ok(await DetailsAsync(session, sessionId, outcome.Registration!)),
            RegistrationResult.NotFound => RegistrationNotFound(),
            _ => Refusal(outcome.Result),
        };
    }

    private static async Task<Results<Ok<RegistrationDetails>, ProblemHttpResult>> ChangeSeatsAsync(
        string id, [FromQuery] string? token, ChangeSeatsRequest request, IGrainFactory grains, HttpRequest http)
    {
        var errors = WorkshopInput.CheckSeats(request.Seats);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!TryOpen(id, token, http, out var sessionId, out var code, out var tokenHash)) return RegistrationNotFound();
        var session = grains.GetGrain<IWorkshopSessionGrain>(sessionId);
        var outcome = await session.ChangeSeatsAsync(code, tokenHash, request.Seats!.Value);
        return outcome.Result switch
        {
            RegistrationResult.Ok => TypedResults.Ok(await DetailsAsync(session, sessionId, outcome.Registration!)),
            RegistrationResult.NotFound => RegistrationNotFound(),
            _ => Refusal(outcome.Result),
        };
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> QrCodeAsync(
        string id, [FromQuery] string? token, IGrainFactory grains, HttpRequest http)
    {
        if (!TryOpen(id, token, http, out var sessionId, out var code, out var tokenHash)) return RegistrationNotFound();
        var outcome = await grains.GetGrain<IWorkshopSessionGrain>(sessionId).GetRegistrationAsync(code, tokenHash);
        if (outcome.Result != RegistrationResult.Ok) return RegistrationNotFound();
        var svg = QrSvg.Of(RegistrationIds.Display(code));
        http.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(svg, "image/svg+xml");
    }

    private static async Task<Results<Ok<IReadOnlyList<RegistrantView>>, ProblemHttpResult>> RegistrantsAsync(Guid id, IGrainFactory grains)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        if (await session.GetAsync() is null) return SessionNotFound();
        return TypedResults.Ok(await session.GetRegistrantsAsync());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(Guid id, IGrainFactory grains)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        if (await session.GetAsync() is null) return SessionNotFound();
        return TypedResults.File(WorkshopCsv.Build(await session.GetRegistrantsAsync()), "text/csv; charset=utf-8", $"inscriptions-{id:N}.csv");
    }

    private static async Task<Results<Ok<RegistrantView>, ProblemHttpResult>> MarkAttendanceAsync(
        Guid id, string code, AttendanceRequest request, IGrainFactory grains)
    {
        if (request.Attended is null)
            return Problems.Validation(new Dictionary<string, BilingualText> { ["attended"] = new("Présent ou absent ?", "Present or absent?") });
        var outcome = await grains.GetGrain<IWorkshopSessionGrain>(id).MarkAttendanceAsync(SecretTokens.NormalizeCode(code), request.Attended.Value);
        return outcome.Result switch
        {
            RegistrationResult.Ok => TypedResults.Ok(outcome.Registration!),
            RegistrationResult.NotFound => RegistrationNotFound(),
            _ => Problems.Create(StatusCodes.Status409Conflict, "not-confirmed",
                "Seule une inscription confirmée peut être marquée présente.", "Only a confirmed registration can be marked present."),
        };
    }

    private static async Task<RegistrationDetails> DetailsAsync(IWorkshopSessionGrain session, Guid sessionId, RegistrantView registration)
    {
        var view = await session.GetAsync();
        return RegistrationDetails.From(sessionId, registration, view is null ? null : WorkshopSummary.From(view));
    }

    private static bool TryOpen(string id, string? queryToken, HttpRequest http, out Guid sessionId, out string code, out string tokenHash)
    {
        tokenHash = "";
        code = "";
        if (!RegistrationIds.TryParse(id, out sessionId, out var parsed) || ManageToken.HashFrom(http, queryToken) is not { } hash) return false;
        code = parsed;
        tokenHash = hash;
        return true;
    }

    public static string ManageUrl(string registrationId, string token) => $"/workshops/manage.html?id={registrationId}#token={token}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult SessionNotFound() => Problems.Create(StatusCodes.Status404NotFound, "workshop-not-found",
        "Cet atelier n'existe pas.", "This workshop does not exist.");

    /// <summary>Unknown id, wrong or missing token: one answer, so a stranger learns nothing.</summary>
    private static ProblemHttpResult RegistrationNotFound() => Problems.Create(StatusCodes.Status404NotFound, "registration-not-found",
        "Inscription introuvable : vérifiez le lien reçu.", "Registration not found: check the link you received.");

    private static ProblemHttpResult Refusal(RegistrationResult result) => result switch
    {
        RegistrationResult.SessionNotFound => SessionNotFound(),
        RegistrationResult.RegistrationNotOpenYet => Problems.Create(StatusCodes.Status409Conflict, "registration-not-open",
            "Les inscriptions ne sont pas encore ouvertes.", "Registration is not open yet."),
        RegistrationResult.RegistrationClosed => Problems.Create(StatusCodes.Status409Conflict, "registration-closed",
            "Les inscriptions sont fermées.", "Registration is closed."),
        RegistrationResult.SessionCancelled => Problems.Create(StatusCodes.Status409Conflict, "workshop-cancelled",
            "Cet atelier est annulé.", "This workshop is cancelled."),
        RegistrationResult.SessionOver => Problems.Create(StatusCodes.Status409Conflict, "workshop-over",
            "Cet atelier est terminé.", "This workshop is over."),
        RegistrationResult.NotEnoughSeats => Problems.Create(StatusCodes.Status409Conflict, "not-enough-seats",
            "Pas assez de places libres (ou d'autres attendent déjà) : gardez vos places actuelles ou réduisez-les.",
            "Not enough free seats (or others are already waiting): keep your current seats or reduce them."),
        RegistrationResult.AlreadyCancelled => Problems.Create(StatusCodes.Status409Conflict, "registration-cancelled",
            "Cette inscription est annulée.", "This registration is cancelled."),
        _ => Problems.Create(StatusCodes.Status409Conflict, "refused", "Demande refusée.", "Request refused."),
    };
}
