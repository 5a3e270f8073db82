using System.Globalization;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Evaluations;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Participation;
using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Evaluations;

/// <summary>
/// Evaluations after an event: the organiser's form, schedule, respondents (answered or not, never what), live results and
/// CSV; the participant's personal link (<c>/evaluation?e={subject}#token=…</c>, the token sent in <c>X-Manage-Token</c>).
/// </summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/api/evaluations").WithTags("Evaluations").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        organiser.MapGet("/", ListAsync);
        organiser.MapGet("/{subject}", GetAsync);
        organiser.MapPut("/{subject}", SaveAsync);
        organiser.MapPost("/{subject}/send", SendNowAsync);
        organiser.MapGet("/{subject}/results", ResultsAsync);
        organiser.MapGet("/{subject}/results.csv", CsvAsync);
        organiser.MapGet("/{subject}/outbox", OutboxAsync);
        organiser.MapPost("/{subject}/outbox/{mailId:long}/resend", ResendAsync);

        var personal = app.MapGroup("/api/evaluation").WithTags("Evaluations");
        personal.MapGet("/{subject}", OpenAsync).RequireRateLimiting(RateLimits.RegistrationReads);
        personal.MapPut("/{subject}", AnswerAsync).RequireRateLimiting(RateLimits.Registrations);
        return app;
    }

    public sealed record EventRow(string Subject, string Kind, string TitleFr, string TitleEn, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        EvaluationStatus Status, int Invited, int Answered);

    public sealed record EvaluationResponse(EvaluationView Evaluation, EvaluationSummary Results, long Version);

    public sealed record QuestionInput(string? Id, QuestionKind? Kind, string? TextFr, string? TextEn, IReadOnlyList<ChoiceOption>? Choices, bool? Required);

    public sealed record SaveRequest(IReadOnlyList<QuestionInput>? Questions, DateTimeOffset? SendAt, double? ReminderAfterHours, DateTimeOffset? ClosesAt);

    public sealed record OpenResponse(InvitationView Invitation, IReadOnlyDictionary<string, string>? Answers);

    public sealed record AnswerRequest(Dictionary<string, string>? Answers);

    public sealed record AnswerResponse(bool Changed);

    /// <summary>Every event that can be evaluated (workshop sessions, colloques and their ateliers), newest first.</summary>
    private static async Task<Ok<List<EventRow>>> ListAsync(IGrainFactory grains)
    {
        var subjects = new List<EventSubject>();
        subjects.AddRange((await grains.GetGrain<IWorkshopCatalogGrain>("all").ListAsync()).Select(EventSubject.Workshop));
        foreach (var colloque in await grains.GetGrain<IColloqueIndexGrain>("all").ListAsync())
        {
            subjects.Add(EventSubject.Colloque(colloque.Id));
            subjects.AddRange((await grains.GetGrain<IColloqueSignupsGrain>(colloque.Id).GetProgrammeAsync()).Sessions
                .Where(s => s.Kind == SessionKind.Atelier).Select(s => EventSubject.Atelier(colloque.Id, s.Id)));
        }
        var views = await Task.WhenAll(subjects.Select(s => grains.GetGrain<IEvaluationGrain>(s.Key).GetAsync()));
        return TypedResults.Ok(views.Zip(subjects).Where(p => p.First is { Event.Cancelled: false })
            .Select(p => new EventRow(p.Second.Key, p.Second.Kind.ToString().ToLowerInvariant(), p.First!.Event!.TitleFr, p.First.Event.TitleEn,
                p.First.Event.StartsAt, p.First.Event.EndsAt, p.First.Status, p.First.Invited, p.First.Answered))
            .OrderByDescending(r => r.StartsAt).ToList());
    }

    private static async Task<Results<Ok<EvaluationResponse>, ProblemHttpResult>> GetAsync(string subject, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return UnknownEvent();
        var view = await grains.GetGrain<IEvaluationGrain>(parsed.Key).GetAsync();
        if (view is null) return UnknownEvent();
        var results = grains.GetGrain<IEvaluationResultsGrain>(parsed.Key);
        var version = await results.GetVersionAsync();
        return TypedResults.Ok(new EvaluationResponse(view, EvaluationSummary.Of(view, await results.GetAnswersAsync()), version));
    }

    private static async Task<Results<Ok<EvaluationView>, ProblemHttpResult>> SaveAsync(string subject, SaveRequest request, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return UnknownEvent();
        var errors = new Dictionary<string, BilingualText>();
        var questions = new List<EvaluationQuestion>();
        var inputs = request.Questions ?? [];
        if (inputs.Count is < 1 or > EvaluationGrain.MaxQuestions)
            errors["questions"] = new($"De 1 à {EvaluationGrain.MaxQuestions} questions.", $"From 1 to {EvaluationGrain.MaxQuestions} questions.");
        for (var i = 0; i < inputs.Count; i++)
        {
            var q = inputs[i];
            var field = $"questions[{i}]";
            var id = string.IsNullOrWhiteSpace(q.Id) ? $"q{i + 1}" : q.Id.Trim();
            if (id.Length > 40 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) errors[$"{field}.id"] = new("Identifiant invalide.", "Invalid id.");
            if (questions.Any(x => x.Id == id)) errors[$"{field}.id"] = new("Identifiant déjà utilisé.", "Id already used.");
            if (q.Kind is not { } kind || !Enum.IsDefined(kind)) { errors[$"{field}.kind"] = new("Type de question inconnu.", "Unknown question type."); continue; }
            CheckText(errors, $"{field}.textFr", q.TextFr);
            CheckText(errors, $"{field}.textEn", q.TextEn);
            var choices = kind == QuestionKind.SingleChoice ? (q.Choices ?? []).Select(c => new ChoiceOption(c.Fr?.Trim() ?? "", c.En?.Trim() ?? "")).ToList() : [];
            if (kind == QuestionKind.SingleChoice && (choices.Count is < 2 or > 10 || choices.Any(c => c.Fr.Length is 0 or > EvaluationGrain.MaxTextLength || c.En.Length is 0 or > EvaluationGrain.MaxTextLength)))
                errors[$"{field}.choices"] = new("De 2 à 10 choix, chacun en français et en anglais.", "From 2 to 10 choices, each in French and English.");
            questions.Add(new EvaluationQuestion(id, kind, q.TextFr?.Trim() ?? "", q.TextEn?.Trim() ?? "", choices, q.Required == true));
        }
        if (request.SendAt is null) errors["sendAt"] = new("Indiquez quand envoyer l'évaluation.", "Say when to send the evaluation.");
        if (request.ClosesAt is null) errors["closesAt"] = new("Indiquez quand l'évaluation se ferme.", "Say when the evaluation closes.");
        else if (request.SendAt is { } send && request.ClosesAt <= send) errors["closesAt"] = new("La fermeture suit l'envoi.", "It closes after it is sent.");
        TimeSpan? reminder = request.ReminderAfterHours is { } hours ? TimeSpan.FromHours(hours) : null;
        if (request.ReminderAfterHours is { } h && (h <= 0 || h > 24 * 60 || request.SendAt + reminder >= request.ClosesAt))
            errors["reminderAfterHours"] = new("Le rappel part après l'envoi et avant la fermeture.", "The reminder goes after the invitation and before closing.");
        if (errors.Count > 0) return Problems.Validation(errors);

        var grain = grains.GetGrain<IEvaluationGrain>(parsed.Key);
        return await grain.SaveAsync(new EvaluationSetup(questions, new EvaluationSchedule(request.SendAt!.Value, reminder, request.ClosesAt!.Value))) switch
        {
            SaveResult.Ok => TypedResults.Ok((await grain.GetAsync())!),
            SaveResult.QuestionsLocked => Problems.Create(StatusCodes.Status409Conflict, "questions-locked",
                "Les invitations sont parties : les questions ne peuvent plus changer (le calendrier, oui).",
                "The invitations went out: the questions can no longer change (the schedule can)."),
            SaveResult.Invalid => Problems.Invalid("questions", new("Formulaire invalide.", "Invalid form.")),
            _ => UnknownEvent(),
        };
    }

    private static async Task<Results<Ok<EvaluationView>, ProblemHttpResult>> SendNowAsync(string subject, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return UnknownEvent();
        var grain = grains.GetGrain<IEvaluationGrain>(parsed.Key);
        if (await grain.SendNowAsync() != SaveResult.Ok)
            return Problems.Create(StatusCodes.Status409Conflict, "evaluation-not-set", "Enregistrez d'abord le formulaire.", "Save the form first.");
        return TypedResults.Ok((await grain.GetAsync())!);
    }

    private static async Task<Results<Ok<EvaluationSummary>, ProblemHttpResult>> ResultsAsync(string subject, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed) || await grains.GetGrain<IEvaluationGrain>(parsed.Key).GetAsync() is not { } view) return UnknownEvent();
        return TypedResults.Ok(EvaluationSummary.Of(view, await grains.GetGrain<IEvaluationResultsGrain>(parsed.Key).GetAnswersAsync()));
    }

    /// <summary>One line per answer (in no particular order, no name), one column per question (its French text).</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(string subject, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed) || await grains.GetGrain<IEvaluationGrain>(parsed.Key).GetAsync() is not { } view) return UnknownEvent();
        var answers = await grains.GetGrain<IEvaluationResultsGrain>(parsed.Key).GetAnswersAsync();
        string Cell(EvaluationQuestion q, string? value) => value is null ? "" : q.Kind switch
        {
            QuestionKind.YesNo => value == "yes" ? "oui/yes" : "non/no",
            QuestionKind.SingleChoice when int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i < q.Choices.Count => q.Choices[i].Fr,
            _ => value,
        };
        return CsvExport.File($"evaluation-{parsed.Kind.ToString().ToLowerInvariant()}-{parsed.Id:N}.csv",
            view.Questions.Select(q => q.TextFr),
            answers.Select(a => view.Questions.Select(q => Cell(q, a.Values.GetValueOrDefault(q.Id)))));
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMailView>>, ProblemHttpResult>> OutboxAsync(string subject, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return UnknownEvent();
        return TypedResults.Ok(await grains.GetGrain<IEvaluationGrain>(parsed.Key).GetMailAsync());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResendAsync(string subject, long mailId, IGrainFactory grains)
    {
        if (!EventSubject.TryParse(subject, out var parsed)) return UnknownEvent();
        return await grains.GetGrain<IEvaluationGrain>(parsed.Key).ResendMailAsync(mailId)
            ? TypedResults.NoContent()
            : Problems.Create(StatusCodes.Status409Conflict, "not-resendable", "Ce courriel ne peut pas être renvoyé.", "This message cannot be resent.");
    }

    private static async Task<Results<Ok<OpenResponse>, ProblemHttpResult>> OpenAsync(string subject, HttpRequest http, IGrainFactory grains)
    {
        var token = http.Headers[ManageToken.Header].FirstOrDefault();
        if (!EventSubject.TryParse(subject, out var parsed) || string.IsNullOrEmpty(token) || token.Length > ManageToken.MaxLength) return UnknownLink();
        var invitation = await grains.GetGrain<IEvaluationGrain>(parsed.Key).OpenAsync(SecretHash.Of(token));
        if (invitation is null) return UnknownLink();
        var answers = invitation.Answered ? await grains.GetGrain<IEvaluationResultsGrain>(parsed.Key).GetAnswerAsync(SecretHash.AnswerKey(token)) : null;
        return TypedResults.Ok(new OpenResponse(invitation, answers));
    }

    private static async Task<Results<Ok<AnswerResponse>, ProblemHttpResult>> AnswerAsync(string subject, AnswerRequest request, HttpRequest http, IGrainFactory grains)
    {
        var token = http.Headers[ManageToken.Header].FirstOrDefault();
        if (!EventSubject.TryParse(subject, out var parsed) || string.IsNullOrEmpty(token) || token.Length > ManageToken.MaxLength) return UnknownLink();
        var answers = request.Answers ?? [];
        if (answers.Count > EvaluationGrain.MaxQuestions || answers.Any(a => a.Key.Length > 40 || (a.Value?.Length ?? 0) > EvaluationAnswers.MaxTextLength))
            return Problems.Invalid("answers", new("Réponse trop longue.", "Answer too long."));
        var outcome = await grains.GetGrain<IEvaluationGrain>(parsed.Key)
            .AnswerAsync(SecretHash.Of(token), SecretHash.AnswerKey(token), answers.ToDictionary(a => a.Key, a => a.Value ?? ""));
        return outcome.Result switch
        {
            AnswerResult.Ok => TypedResults.Ok(new AnswerResponse(outcome.Changed)),
            AnswerResult.Closed => Problems.Create(StatusCodes.Status409Conflict, "evaluation-closed",
                "Cette évaluation est fermée : les réponses ne sont plus acceptées.", "This evaluation is closed: answers are no longer accepted."),
            AnswerResult.Invalid => Problems.Validation(outcome.Wrong.ToDictionary(id => $"answers.{id}",
                _ => new BilingualText("Réponse manquante ou invalide.", "Missing or invalid answer."))),
            _ => UnknownLink(),
        };
    }

    private static void CheckText(Dictionary<string, BilingualText> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) errors[field] = new("Texte requis.", "Text required.");
        else if (text.Length > EvaluationGrain.MaxTextLength) errors[field] = new($"{EvaluationGrain.MaxTextLength} caractères au plus.", $"{EvaluationGrain.MaxTextLength} characters at most.");
    }

    private static ProblemHttpResult UnknownEvent() => Problems.Create(StatusCodes.Status404NotFound, "event-not-found",
        "Activité introuvable.", "Event not found.");

    /// <summary>The same answer for a wrong token, a forgotten link and an unknown event.</summary>
    private static ProblemHttpResult UnknownLink() => Problems.Create(StatusCodes.Status404NotFound, "evaluation-link-not-found",
        "Ce lien d'évaluation n'est pas valide ou n'est plus actif.", "This evaluation link is not valid or no longer active.");
}
