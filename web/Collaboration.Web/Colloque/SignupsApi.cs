using Collaboration.Grains.Colloque;
using Collaboration.Grains.Platform;
using Collaboration.Web.Accounts;
using Collaboration.Web.Calendar;
using Collaboration.Web.Mail;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Colloque;

/// <summary>
/// The colloque's public side: the public view (counts only), self-registration, the .ics of the
/// day, and the attendee's private manage link (<c>/api/signups/{code}</c> with the token in
/// <c>X-Manage-Token</c>; an unknown code and a wrong token get the same 404).
/// </summary>
public static class SignupsApi
{
    public static IEndpointRouteBuilder MapSignupsApi(this IEndpointRouteBuilder app)
    {
        // An id the colloque index does not list is a 404 before any colloque grain is activated.
        var colloque = app.MapGroup("/api/colloques/{id:guid}").WithTags("Colloque registration").AddEndpointFilter(KnownColloques.FilterAsync);
        colloque.MapGet("/public", PublicAsync).RequireRateLimiting(RateLimits.PublicReads);
        colloque.MapGet("/calendar.ics", CalendarAsync).RequireRateLimiting(RateLimits.PublicReads);
        colloque.MapPost("/signups", SignUpAsync).RequireRateLimiting(RateLimits.Registrations);
        colloque.MapPost("/manage-link", RequestManageLinkAsync).RequireRateLimiting(RateLimits.LinkRequests);

        // Reads need the 256-bit token, but each well-formed code reaches a grain: limited per address like the workshops' reads.
        var signups = app.MapGroup("/api/signups").WithTags("Colloque registration");
        signups.MapGet("/{code}", GetAsync).RequireRateLimiting(RateLimits.RegistrationReads);
        signups.MapPatch("/{code}", ChangeAsync).RequireRateLimiting(RateLimits.Registrations);
        signups.MapDelete("/{code}", CancelAsync).RequireRateLimiting(RateLimits.Registrations);
        signups.MapGet("/{code}/qr.svg", QrAsync).RequireRateLimiting(RateLimits.RegistrationReads);
        return app;
    }

    /// <summary><c>Website</c> is the honeypot: hidden from people, filled only by robots.</summary>
    public sealed record SignupRequestBody(string? Name, string? Organisation, string? Email, string? Category, string? Mrc,
        SignupInput.NeedsBody? Needs, bool? Consent, IReadOnlyList<Guid>? Choices, string? Language, string? Website);

    public sealed record ChoiceJson(Guid SessionId, ChoiceStatus Status, int? Position);

    /// <summary>201: the token is shown once, here; <c>ManageUrl</c> carries it in the fragment.</summary>
    public sealed record SignupCreated(string Code, PlaceStatus Status, int? Position, string ManageToken, string ManageUrl, IReadOnlyList<ChoiceJson> Choices);

    /// <summary>200 for an email already registered: nothing of the registration (its code is what the door scans); its manage link went to the address.</summary>
    public sealed record SignupExisting(bool AlreadyRegistered, bool ManageLinkSent);

    public sealed record ManageLinkRequest(string? Email, string? Language);

    public sealed record NeedsJson(string Accessibility, string Dietary);

    public sealed record MyChoice(Guid SessionId, ChoiceStatus Status, int? Position, string TitleFr, string TitleEn, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

    public sealed record SignupDetails(string Code, Guid ColloqueId, string Name, string Organisation, string Email, AttendeeCategory Category, Mrc? Mrc,
        NeedsJson Needs, PlaceStatus Status, int? Position, IReadOnlyList<MyChoice> Choices, DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt,
        string Language);

    public sealed record ChangeBody(IReadOnlyList<Guid>? Choices, SignupInput.NeedsBody? Needs);

    private static async Task<Results<Ok<ColloqueJson.PublicColloque>, ProblemHttpResult>> PublicAsync(Guid id, IGrainFactory grains)
    {
        return await ColloqueJson.ReadPublicAsync(grains, id) is { } colloque ? TypedResults.Ok(colloque) : UnknownColloque();
    }

    /// <summary>The day: one event from the first session's start to the last one's end (the whole day without a programme).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalendarAsync(Guid id, IGrainFactory grains, HttpRequest http, TimeProvider clock,
        Microsoft.Extensions.Options.IOptions<MailOptions> mail)
    {
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is not { } colloque) return UnknownColloque();
        var programme = await grains.GetGrain<IColloqueSignupsGrain>(id).GetProgrammeAsync();
        var (starts, ends) = programme.Sessions.Count > 0
            ? (programme.Sessions.Min(s => s.StartsAt), programme.Sessions.Max(s => s.EndsAt))
            : (QuebecTime.StartOf(colloque.Date).AddHours(8), QuebecTime.StartOf(colloque.Date).AddHours(17));
        var page = new Uri($"{http.Scheme}://{http.Host}/colloque/{id}");
        var agenda = string.Join("\n", programme.Sessions.Select(s => $"{QuebecTime.Time(s.StartsAt, "fr")}–{QuebecTime.Time(s.EndsAt, "fr")} {s.TitleFr} ({s.Room})"));
        var location = string.Join(", ", new[] { colloque.Venue, programme.Settings?.VenueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var calendar = CalendarFile.Build(new CalendarEntry($"colloque-{id:D}@concertation", (int)Math.Min(int.MaxValue, programme.ProgrammeRevision), starts, ends,
            colloque.Title, $"{agenda}\n\n{page}", location, page, false), clock.GetUtcNow(), CalendarOrganizer.From(mail.Value));
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(calendar), CalendarFile.ContentType, $"colloque-{colloque.Date:yyyy-MM-dd}.ics");
    }

    private static async Task<Results<Created<SignupCreated>, Ok<SignupExisting>, ProblemHttpResult>> SignUpAsync(
        Guid id, SignupRequestBody body, IGrainFactory grains, TimeProvider clock, MailLinks mailLinks)
    {
        var errors = SignupInput.CheckSignup(body, out var category, out var mrc);
        if (errors.Count > 0) return Problems.Validation(errors);

        var details = new AttendeeDetails(body.Name!.Trim(), body.Organisation!.Trim(), category, EmailAddress.Normalize(body.Email!), mrc);
        var token = SecretTokens.NewToken();
        var registration = new SelfRegistration(details, SignupInput.Needs(body.Needs), SecretTokens.Hash(token), body.Language ?? "", clock.GetUtcNow(),
            mailLinks.SealManageToken(token), RegistrationCodes.MatchKey(details), body.Choices ?? []);
        // One grain call: the registration asks the signups grain for a place and records itself, its email and listing.
        var outcome = await RegistrationCodes.UnderNewCodeAsync(code => grains.GetGrain<IRegistrationGrain>(code).RegisterSelfAsync(id, registration),
            o => o.Result == SignupResult.CodeTaken);
        switch (outcome.Result)
        {
            case SignupResult.Ok:
                var signup = outcome.Signup!;
                return TypedResults.Created($"/api/signups/{signup.Code}", new SignupCreated(signup.Code, (signup.Status), signup.Position,
                    token, ManageUrl(id, signup.Code, token), Choices(signup)));
            case SignupResult.AlreadyRegistered:
                // Nothing of the existing registration: the signups grain had its manage link mailed to the address.
                return TypedResults.Ok(new SignupExisting(AlreadyRegistered: true, ManageLinkSent: true));
            case SignupResult.RegistrationNotOpenYet when await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null:
                return UnknownColloque();
            default:
                return Refusal(outcome.Result);
        }
    }

    /// <summary>
    /// "Find my registration": the same 202 for any well-formed address, registered or not, and it does not wait on the
    /// email a registered one causes (the signups grain records it and commits after answering).
    /// </summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> RequestManageLinkAsync(Guid id, ManageLinkRequest body, IGrainFactory grains, MailLinks mailLinks)
    {
        var errors = new Dictionary<string, BilingualText>();
        if (EmailAddress.Refusal(body.Email) is { } refusal) errors["email"] = refusal;
        if (errors.Count > 0) return Problems.Validation(errors);
        var email = EmailAddress.Normalize(body.Email!);
        var token = SecretTokens.NewToken();
        var offer = new ManageLinkOffer(body.Language is "fr" or "en" ? body.Language : "", SecretTokens.Hash(token), mailLinks.SealManageToken(token));
        await grains.GetGrain<IColloqueSignupsGrain>(id).RequestManageLinkAsync(
            RegistrationCodes.MatchKey(new AttendeeDetails("", "", AttendeeCategory.Other, email, null)), offer);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<SignupDetails>, ProblemHttpResult>> GetAsync(string code, HttpRequest http, IGrainFactory grains)
    {
        if (await OpenAsync(code, http, grains) is not { } view) return SignupNotFound();
        return TypedResults.Ok(await DetailsAsync(view, grains));
    }

    private static async Task<Results<Ok<SignupDetails>, ProblemHttpResult>> ChangeAsync(string code, ChangeBody body, HttpRequest http, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, BilingualText>();
        SignupInput.CheckChoices(errors, body.Choices);
        SignupInput.CheckNeeds(errors, body.Needs);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (await OpenAsync(code, http, grains) is not { } view) return SignupNotFound();

        var signups = grains.GetGrain<IColloqueSignupsGrain>(view.ColloqueId);
        if (body.Choices is not null)
        {
            var settings = (await signups.GetProgrammeAsync()).Settings;
            if (settings is not null && clock.GetUtcNow() >= settings.ClosesAt) return Refusal(SignupResult.RegistrationClosed);
            var outcome = await signups.ChangeChoicesAsync(view.Code, body.Choices);
            if (!outcome.Succeeded) return Refusal(outcome.Result);
        }
        if (body.Needs is not null)
            await grains.GetGrain<IRegistrationGrain>(view.Code).UpdateNeedsAsync(ManageToken.HashFrom(http)!, SignupInput.Needs(body.Needs));
        return TypedResults.Ok(await DetailsAsync((await OpenAsync(code, http, grains))!, grains));
    }

    private static async Task<Results<Ok<SignupDetails>, ProblemHttpResult>> CancelAsync(string code, HttpRequest http, IGrainFactory grains)
    {
        if (await OpenAsync(code, http, grains) is not { } view) return SignupNotFound();
        // The same path as the organiser's: the registration frees the place after its commit.
        await grains.GetGrain<IRegistrationGrain>(view.Code).SetCancelledAsync(view.ColloqueId, true, "attendee");
        return TypedResults.Ok(await DetailsAsync((await OpenAsync(code, http, grains))!, grains));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> QrAsync(string code, HttpRequest http, IGrainFactory grains)
    {
        if (await OpenAsync(code, http, grains) is not { } view) return SignupNotFound();
        http.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Content(QrSvg.Of(view.Code), "image/svg+xml");
    }

    /// <summary>The registration, if the code is a self-registration and the token its own; else null (one 404 for all cases).</summary>
    private static async Task<RegistrationView?> OpenAsync(string code, HttpRequest http, IGrainFactory grains)
    {
        var normalized = RegistrationCodes.Normalize(code);
        if (!RegistrationCodes.LooksValid(normalized) || ManageToken.HashFrom(http) is not { } hash) return null;
        return await grains.GetGrain<IRegistrationGrain>(normalized).OpenAsync(hash);
    }

    private static async Task<SignupDetails> DetailsAsync(RegistrationView view, IGrainFactory grains)
    {
        var signups = grains.GetGrain<IColloqueSignupsGrain>(view.ColloqueId);
        var signup = await signups.GetSignupAsync(view.Code);
        var sessions = (await signups.GetProgrammeAsync()).Sessions.ToDictionary(s => s.Id);
        var choices = (signup?.Choices ?? []).Where(c => sessions.ContainsKey(c.SessionId)).Select(c =>
        {
            var s = sessions[c.SessionId];
            return new MyChoice(c.SessionId, (c.Status), c.Position, s.TitleFr, s.TitleEn, s.Room, s.StartsAt, s.EndsAt);
        }).OrderBy(c => c.StartsAt).ToList();
        var status = view.Cancelled ? PlaceStatus.Cancelled : signup?.Status ?? PlaceStatus.Waitlisted;
        return new SignupDetails(view.Code, view.ColloqueId, view.Name, view.Organisation, view.Email, view.Category, view.Mrc,
            new NeedsJson(view.Needs?.Accessibility ?? "", view.Needs?.Dietary ?? ""), (status),
            status == PlaceStatus.Waitlisted ? signup?.Position : null, choices, view.RegisteredAt, view.CheckIn?.At, view.Language);
    }

    public static IReadOnlyList<ChoiceJson> Choices(SignupView signup) =>
        signup.Choices.Select(c => new ChoiceJson(c.SessionId, (c.Status), c.Position)).ToList();

    public static string ManageUrl(Guid colloqueId, string code, string token) => $"/colloque/{colloqueId}/manage?code={code}#token={token}";

    public static ProblemHttpResult Refusal(SignupResult result) => result switch
    {
        SignupResult.RegistrationNotOpenYet => Problems.Create(StatusCodes.Status409Conflict, "registration-not-open",
            "Les inscriptions ne sont pas encore ouvertes.", "Registration is not open yet."),
        SignupResult.RegistrationClosed => Problems.Create(StatusCodes.Status409Conflict, "registration-closed",
            "Les inscriptions sont fermées.", "Registration is closed."),
        SignupResult.UnknownSession => Problems.Validation(new Dictionary<string, BilingualText>
        {
            ["choices"] = new("Un de vos choix n'est pas au programme.", "One of your choices is not in the programme."),
        }),
        SignupResult.NotAnAtelier => Problems.Validation(new Dictionary<string, BilingualText>
        {
            ["choices"] = new("Seuls les ateliers se choisissent : plénières et panels sont pour tout le monde.",
                "Only ateliers are chosen: plenaries and panels are for everyone."),
        }),
        SignupResult.TwoInOneSlot => Problems.Validation(new Dictionary<string, BilingualText> { ["choices"] = SignupInput.TwoInOneSlot }),
        SignupResult.Full => Problems.Create(StatusCodes.Status409Conflict, "category-full",
            "Plus de place dans cette catégorie : seul l'organisateur peut admettre cette personne.",
            "No place left in this category: only the organiser can admit this person."),
        SignupResult.WaitlistFull => Problems.Create(StatusCodes.Status409Conflict, "waitlist-full",
            "Le colloque est complet et sa liste d'attente aussi : l'inscription n'est plus possible. Écrivez à l'organisation si vous tenez à venir.",
            "The colloque is full and so is its waiting list: registration is no longer possible. Write to the organisers if you wish to attend."),
        SignupResult.TooManySignups => Problems.Create(StatusCodes.Status429TooManyRequests, "colloque-busy",
            "Beaucoup d'inscriptions arrivent en ce moment : réessayez dans une minute.",
            "Many registrations are arriving right now: try again in a minute."),
        SignupResult.AlreadyCancelled => Problems.Create(StatusCodes.Status409Conflict, "registration-cancelled",
            "Cette inscription est annulée.", "This registration is cancelled."),
        SignupResult.NotFound => SignupNotFound(),
        _ => Problems.Create(StatusCodes.Status503ServiceUnavailable, "try-again", "Réessayez dans un instant.", "Try again in a moment."),
    };

    /// <summary>Unknown code, wrong or missing token: one answer, so a stranger learns nothing.</summary>
    private static ProblemHttpResult SignupNotFound() => Problems.Create(StatusCodes.Status404NotFound, "registration-not-found",
        "Inscription introuvable : vérifiez le lien reçu.", "Registration not found: check the link you received.");

    private static ProblemHttpResult UnknownColloque() =>
        Problems.Create(StatusCodes.Status404NotFound, "unknown-colloque", "Colloque introuvable.", "Colloque not found.");
}
