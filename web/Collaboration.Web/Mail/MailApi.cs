using System.Net;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Web.Mail;

/// <summary>
/// The organiser's view of every outbox (a workshop session's, a table's, a meeting's, a colloque's
/// — its emails live in the registrations, gathered by the colloque's ledger grain): sent,
/// pending and failed messages, never their bodies, with a resend for the failed ones; and the
/// one-click unsubscribe from workshop reminders (RFC 8058: the mail client POSTs to the link).
/// </summary>
public static class MailApi
{
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder app)
    {
        var organiser = app.MapGroup("/api").WithTags("Mail").RequireAuthorization(AuthenticationSetup.OrganiserPolicy);
        organiser.MapGet("/workshops/{id:guid}/outbox", WorkshopOutboxAsync);
        organiser.MapPost("/workshops/{id:guid}/outbox/{mailId:long}/resend", ResendWorkshopAsync);
        organiser.MapGet("/tables/{id:guid}/outbox", TableOutboxAsync);
        organiser.MapPost("/tables/{id:guid}/outbox/{mailId:long}/resend", ResendTableAsync);
        organiser.MapGet("/meetings/{id:guid}/outbox", MeetingOutboxAsync);
        organiser.MapPost("/meetings/{id:guid}/outbox/{mailId:long}/resend", ResendMeetingAsync);
        organiser.MapGet("/colloques/{id:guid}/outbox", ColloqueOutboxAsync);
        organiser.MapPost("/colloques/{id:guid}/outbox/{code}/{mailId:long}/resend", ResendColloqueAsync);

        var unsubscribe = app.MapGroup("/api/mail").WithTags("Mail");
        unsubscribe.MapGet("/unsubscribe", UnsubscribePage);
        unsubscribe.MapPost("/unsubscribe", UnsubscribeAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.Anonymous)
            .ExemptFromCsrfHeader("the signed token in the link is the proof; mail clients and the page's plain form POST without headers");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMailView>>, ProblemHttpResult>> WorkshopOutboxAsync(Guid id, IGrainFactory grains)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        return await session.GetAsync() is null ? NotFound() : TypedResults.Ok(await session.GetMailAsync());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResendWorkshopAsync(Guid id, long mailId, IGrainFactory grains)
    {
        var session = grains.GetGrain<IWorkshopSessionGrain>(id);
        return await session.GetAsync() is null ? NotFound() : await ResendAsync(session, mailId);
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMailView>>, ProblemHttpResult>> TableOutboxAsync(Guid id, IGrainFactory grains)
    {
        var table = grains.GetGrain<ITableGrain>(id);
        return await table.GetAsync() is null ? NotFound() : TypedResults.Ok(await table.GetMailAsync());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResendTableAsync(Guid id, long mailId, IGrainFactory grains)
    {
        var table = grains.GetGrain<ITableGrain>(id);
        return await table.GetAsync() is null ? NotFound() : await ResendAsync(table, mailId);
    }

    private static async Task<Results<Ok<IReadOnlyList<OutboxMailView>>, ProblemHttpResult>> MeetingOutboxAsync(Guid id, IGrainFactory grains)
    {
        var meeting = grains.GetGrain<IMeetingGrain>(id);
        return await meeting.GetAsync() is null ? NotFound() : TypedResults.Ok(await meeting.GetMailAsync());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResendMeetingAsync(Guid id, long mailId, IGrainFactory grains)
    {
        var meeting = grains.GetGrain<IMeetingGrain>(id);
        return await meeting.GetAsync() is null ? NotFound() : await ResendAsync(meeting, mailId);
    }

    /// <summary>How many of a colloque's emails one page shows at most, and by default.</summary>
    public const int MaxOutboxPage = 1_000, DefaultOutboxPage = 200;

    /// <summary>
    /// The newest <c>limit</c> emails (default 200, at most 1,000), oldest first as the other outboxes; the page asks for
    /// more when it got as many as it asked. One call to the colloque's ledger, not one per attendee.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<ColloqueOutboxRow>>, ProblemHttpResult>> ColloqueOutboxAsync(Guid id, int? limit, IGrainFactory grains)
    {
        if (limit is not null and not (>= 1 and <= MaxOutboxPage))
            return Problems.Validation(new Dictionary<string, BilingualText>
            {
                ["limit"] = new($"De 1 à {MaxOutboxPage} courriels par page.", $"From 1 to {MaxOutboxPage} emails a page."),
            });
        if (await grains.GetGrain<IColloqueGrain>(id).GetDetailsAsync() is null) return NotFound();
        var newest = await grains.GetGrain<IColloqueOutboxGrain>(id).ListNewestAsync(limit ?? DefaultOutboxPage);
        IReadOnlyList<ColloqueOutboxRow> rows = [.. newest.Reverse().Select(p => ColloqueOutboxRow.From(p.Code, p.Mail))];
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResendColloqueAsync(Guid id, string code, long mailId, IGrainFactory grains)
    {
        var registration = grains.GetGrain<IRegistrationGrain>(code);
        return await registration.GetAsync() is { } view && view.ColloqueId == id ? await ResendAsync(registration, mailId) : NotFound();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResendAsync(IMailOutboxGrain outbox, long mailId) =>
        await outbox.ResendMailAsync(mailId)
            ? TypedResults.NoContent()
            : Problems.Create(StatusCodes.Status409Conflict, "mail-not-resendable",
                "Seul un courriel en échec peut être renvoyé.", "Only a failed email can be sent again.");

    /// <summary>What the link in the email opens: a page with one button (a GET changes nothing: link scanners follow links).</summary>
    private static ContentHttpResult UnsubscribePage(string? t, MailLinks links, MailTexts texts)
    {
        var valid = links.TryReadUnsubscribe(t, out _, out _);
        string Both(string key) => $"<p lang=\"fr\">{WebUtility.HtmlEncode(texts.Get("fr", key))}</p><p lang=\"en\">{WebUtility.HtmlEncode(texts.Get("en", key))}</p>";
        var body = valid
            ? $"{Both("notifications.unsubscribe.ask")}<form method=\"post\" action=\"/api/mail/unsubscribe?t={WebUtility.UrlEncode(t)}\">" +
              $"<button type=\"submit\">{WebUtility.HtmlEncode(texts.Get("fr", "notifications.unsubscribe.button"))} / {WebUtility.HtmlEncode(texts.Get("en", "notifications.unsubscribe.button"))}</button></form>"
            : Both("notifications.unsubscribe.invalid");
        return TypedResults.Content(Page(texts, body), "text/html; charset=utf-8", statusCode: valid ? 200 : 404);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> UnsubscribeAsync(string? t, MailLinks links, MailTexts texts, IGrainFactory grains)
    {
        if (!links.TryReadUnsubscribe(t, out var sessionId, out var code) || !await grains.GetGrain<IWorkshopSessionGrain>(sessionId).StopRemindersAsync(code))
            return Problems.Create(StatusCodes.Status404NotFound, "unsubscribe-invalid", texts.Get("fr", "notifications.unsubscribe.invalid"),
                texts.Get("en", "notifications.unsubscribe.invalid"));
        var done = $"<p lang=\"fr\">{WebUtility.HtmlEncode(texts.Get("fr", "notifications.unsubscribe.done"))}</p><p lang=\"en\">{WebUtility.HtmlEncode(texts.Get("en", "notifications.unsubscribe.done"))}</p>";
        return TypedResults.Content(Page(texts, done), "text/html; charset=utf-8");
    }

    private static string Page(MailTexts texts, string body) =>
        $"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{WebUtility.HtmlEncode(texts.Get("fr", "notifications.unsubscribe.title"))} / {WebUtility.HtmlEncode(texts.Get("en", "notifications.unsubscribe.title"))}</title>" +
        $"</head><body><main>{body}</main></body></html>";

    private static ProblemHttpResult NotFound() => Problems.Create(StatusCodes.Status404NotFound, "outbox-not-found",
        "Introuvable.", "Not found.");
}
