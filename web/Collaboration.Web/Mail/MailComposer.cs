using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Collaboration.Grains.Mail;
using Collaboration.Grains.Platform;
using Collaboration.Web.Calendar;
using Collaboration.Web.Meetings;
using Collaboration.Web.Workshops;
using Microsoft.Extensions.Options;
using MimeKit;
using QRCoder;

namespace Collaboration.Web.Mail;

/// <summary>
/// Turns a recorded message into MIME (MimeKit): multipart text + HTML, French first then English
/// (or only the recipient's language when known), no remote image (the QR code is an inline PNG
/// part), the calendar file attached, and for reminders a one-click <c>List-Unsubscribe</c>.
/// The same message composes the same way each time, with the Message-ID and date fixed when it
/// was recorded.
/// </summary>
public sealed class MailComposer(MailTexts texts, MailLinks links, IOptions<MailOptions> options)
{

    public string SubjectOf(OutboxMail mail) =>
        string.Join(" / ", Languages(mail).Select(l => texts.Get(l, TextKey(mail, "subject"), ("title", Title(mail, l)))));

    /// <summary>A notice sent again (an agenda updated) says it is an update, in its subject and its opening.</summary>
    private static string TextKey(OutboxMail mail, string part) =>
        mail.Kind == MailKind.MeetingNotice && mail.Data?.GetValueOrDefault("sequence") is { } sequence && sequence != "0"
            ? $"notifications.{mail.Kind}.{part}Updated"
            : $"notifications.{mail.Kind}.{part}";

    /// <summary>Why the person gets the email: Table members and organisers never registered for anything.</summary>
    private static string FooterKey(MailKind kind) => kind switch
    {
        MailKind.MemberInvited or MailKind.MemberLinkReissued or MailKind.MeetingNotice or MailKind.MeetingCancelled or MailKind.MeetingMinutes
            => "notifications.footer.member",
        MailKind.OrganiserInvited or MailKind.OrganiserPasswordReset => "notifications.footer.organiser",
        _ => "notifications.footer",
    };

    /// <param name="attestation">The attestation of participation to attach (an evaluation's invitation), as a PDF.</param>
    public MimeMessage Compose(OutboxMail mail, byte[]? attestation = null)
    {
        var data = mail.Data ?? throw new InvalidOperationException("The message was already delivered: its body is gone.");
        var languages = Languages(mail);
        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Date = mail.CreatedAt,
            Subject = SubjectOf(mail),
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Headers.Add("Content-Language", string.Join(", ", languages));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var parts = Parts(mail, data);
        Uri? unsubscribe = null;
        if (mail.Kind == MailKind.WorkshopReminder)
        {
            unsubscribe = links.UnsubscribeUrl(Guid.ParseExact(data["sessionId"], "N"), data["code"]);
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder();
        MimeEntity? qr = null;
        if (parts.QrCode is { } code)
        {
            qr = body.LinkedResources.Add($"code-{code}.png", QrPng(code), new ContentType("image", "png"));
            qr.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId("concertation");
        }
        if (attestation is not null) parts.Notes.Add("notifications.attestation");
        body.TextBody = Text(mail, languages, parts, unsubscribe);
        body.HtmlBody = Html(mail, languages, parts, unsubscribe, qr?.ContentId);
        if (parts.Calendar is { } entry)
        {
            var ics = Encoding.UTF8.GetBytes(CalendarFile.Build(entry, mail.CreatedAt, CalendarOrganizer.From(options.Value)));
            var attachment = (MimePart)body.Attachments.Add(entry.Cancelled ? "annulation.ics" : "evenement.ics", ics,
                ContentType.Parse($"text/calendar; charset=utf-8; method={(entry.Cancelled ? "CANCEL" : "PUBLISH")}"));
            attachment.ContentTransferEncoding = ContentEncoding.Base64;
        }
        if (attestation is not null)
        {
            var pdf = (MimePart)body.Attachments.Add("attestation-participation.pdf", attestation, new ContentType("application", "pdf"));
            pdf.ContentTransferEncoding = ContentEncoding.Base64;
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static IReadOnlyList<string> Languages(OutboxMail mail) => mail.Language switch
    {
        "fr" => ["fr"],
        "en" => ["en"],
        _ => ["fr", "en"],
    };

    private static string Title(OutboxMail mail, string language)
    {
        var data = mail.Data;
        if (data is null) return "";
        return mail.Kind switch
        {
            MailKind.MemberInvited or MailKind.MemberLinkReissued => data.GetValueOrDefault("tableName", ""),
            MailKind.OrganiserInvited or MailKind.OrganiserPasswordReset => "Concertation",
            MailKind.MeetingNotice or MailKind.MeetingCancelled or MailKind.MeetingMinutes => $"{data.GetValueOrDefault("title", "")} ({When(data, "startsAt", language, withTime: false)})",
            _ => language == "en" ? data.GetValueOrDefault("titleEn", data.GetValueOrDefault("title", "")) : data.GetValueOrDefault("titleFr", data.GetValueOrDefault("title", "")),
        };
    }

    /// <summary>What a kind of message shows: rows of details, links, lists, the QR code, the calendar entry.</summary>
    private MessageParts Parts(OutboxMail mail, Dictionary<string, string> data)
    {
        var parts = new MessageParts();
        switch (mail.Kind)
        {
            case MailKind.WorkshopConfirmed or MailKind.WorkshopWaitlisted or MailKind.WorkshopPromoted or MailKind.WorkshopSeatsChanged
                or MailKind.WorkshopCancelled or MailKind.WorkshopSessionCancelled or MailKind.WorkshopReminder or MailKind.WorkshopManageLink:
                var sessionId = Guid.ParseExact(data["sessionId"], "N");
                var confirmed = data.GetValueOrDefault("status") == "Confirmed";
                var cancelled = mail.Kind is MailKind.WorkshopCancelled or MailKind.WorkshopSessionCancelled;
                parts.Rows.Add(("notifications.label.session", l => Title(mail, l)));
                parts.Rows.Add(("notifications.label.date", l => Span(data, l)));
                if (data.TryGetValue("place", out var place)) parts.Rows.Add(("notifications.label.place", _ => place));
                if (data.TryGetValue("onlineLink", out var online)) parts.Rows.Add(("notifications.label.online", _ => online));
                parts.Rows.Add(("notifications.label.seats", _ => data["seats"]));
                parts.Rows.Add(("notifications.label.code", _ => RegistrationIds.Display(data["code"])));
                if (!confirmed && !cancelled && data.TryGetValue("position", out var position))
                    parts.Rows.Add(("notifications.label.position", _ => position));
                if (!cancelled && links.UnsealManageToken(data.GetValueOrDefault("sealedToken")) is { } token)
                    parts.Links.Add(("notifications.label.manage", links.ManageUrl(sessionId, data["code"], token)));
                // The code is shown at a door: an online-only session has none.
                if (confirmed && !cancelled && data.ContainsKey("place")) parts.QrCode = RegistrationIds.Display(data["code"]);
                if ((confirmed || cancelled) && mail.Kind is not (MailKind.WorkshopWaitlisted or MailKind.WorkshopManageLink))
                    // The registrant's own event (a UID per registration): their cancellation ends theirs only, and a later
                    // registration is a new event rather than an old one at the same SEQUENCE. Their own cancellation is a change.
                    parts.Calendar = new CalendarEntry(WorkshopCalendar.RegistrationUid(sessionId, data["code"]),
                        int.Parse(data["sequence"], CultureInfo.InvariantCulture) + (mail.Kind == MailKind.WorkshopCancelled ? 1 : 0),
                        DateTimeOffset.Parse(data["startsAt"], CultureInfo.InvariantCulture), DateTimeOffset.Parse(data["endsAt"], CultureInfo.InvariantCulture),
                        $"{data["titleFr"]} / {data["titleEn"]}", links.SessionUrl(sessionId).ToString(),
                        string.Join(" — ", new[] { place, online }.Where(s => !string.IsNullOrWhiteSpace(s))), links.SessionUrl(sessionId), cancelled);
                break;
            case MailKind.MemberInvited or MailKind.MemberLinkReissued:
                parts.Rows.Add(("notifications.label.table", _ => data["tableName"]));
                if (links.UnsealSignInToken(data.GetValueOrDefault("sealedToken")) is { } signIn)
                    parts.Links.Add(("notifications.label.signin", links.SignInUrl(signIn)));
                break;
            case MailKind.MeetingNotice or MailKind.MeetingCancelled:
                var meetingId = Guid.ParseExact(data["meetingId"], "N");
                var meetingCancelled = mail.Kind == MailKind.MeetingCancelled;
                parts.Rows.Add(("notifications.label.table", _ => data["tableName"]));
                parts.Rows.Add(("notifications.label.meeting", _ => data["title"]));
                parts.Rows.Add(("notifications.label.date", l => Span(data, l)));
                if (data.TryGetValue("location", out var location) && location.Length > 0) parts.Rows.Add(("notifications.label.place", _ => location));
                if (!meetingCancelled) parts.Lists.Add(("notifications.label.agenda", _ => Lines(data, "agenda")));
                if (!meetingCancelled) parts.Links.Add(("notifications.label.meeting", links.MeetingUrl(meetingId)));
                parts.Calendar = new CalendarEntry(MeetingCalendar.Uid(meetingId), int.Parse(data["sequence"], CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(data["startsAt"], CultureInfo.InvariantCulture), DateTimeOffset.Parse(data["endsAt"], CultureInfo.InvariantCulture),
                    $"{data["tableName"]} — {data["title"]}", string.Join("\n", Lines(data, "agenda")), data.GetValueOrDefault("location"),
                    links.MeetingUrl(meetingId), meetingCancelled);
                break;
            case MailKind.MeetingMinutes:
                parts.Rows.Add(("notifications.label.table", _ => data["tableName"]));
                parts.Rows.Add(("notifications.label.meeting", _ => data["title"]));
                parts.Rows.Add(("notifications.label.date", l => When(data, "startsAt", l, withTime: true)));
                parts.Lists.Add(("notifications.label.decisions", _ => Lines(data, "decisions")));
                parts.Lists.Add(("notifications.label.actions", _ => Lines(data, "actions")));
                parts.Links.Add(("notifications.label.minutes", links.MinutesUrl(Guid.ParseExact(data["meetingId"], "N"))));
                break;
            case MailKind.ColloqueRegistered or MailKind.ColloqueWaitlisted or MailKind.ColloquePromoted or MailKind.ColloqueCancelled
                or MailKind.ColloqueManageLink:
                ColloqueParts(mail, data, parts);
                break;
            case MailKind.EvaluationInvited or MailKind.EvaluationReminder:
                parts.Rows.Add(("notifications.label.event", l => Title(mail, l)));
                parts.Rows.Add(("notifications.label.date", l => When(data, "startsAt", l, withTime: false)));
                parts.Rows.Add(("notifications.label.closes", l => When(data, "closesAt", l, withTime: true)));
                if (links.UnsealManageToken(data.GetValueOrDefault("sealedToken")) is { } evaluationToken)
                    parts.Links.Add(("notifications.label.evaluation", links.EvaluationUrl(data["subject"], evaluationToken)));
                break;
            case MailKind.OrganiserInvited or MailKind.OrganiserPasswordReset:
                var invited = mail.Kind == MailKind.OrganiserInvited;
                if (invited) parts.Rows.Add(("notifications.label.invitedBy", _ => data.GetValueOrDefault("invitedBy", "")));
                parts.Rows.Add(("notifications.label.expires", l => When(data, "expiresAt", l, withTime: true)));
                if (links.UnsealSignInToken(data.GetValueOrDefault("sealedToken")) is { } accountToken)
                    parts.Links.Add((invited ? "notifications.label.acceptInvitation" : "notifications.label.resetPassword",
                        invited ? links.OrganiserInvitationUrl(accountToken) : links.PasswordResetUrl(accountToken)));
                break;
        }
        return parts;
    }

    /// <summary>A colloque email: the colloque, the day, the place told, the breakouts; QR and .ics once the place is confirmed.</summary>
    private void ColloqueParts(OutboxMail mail, Dictionary<string, string> data, MessageParts parts)
    {
        var colloqueId = Guid.ParseExact(data["colloqueId"], "N");
        var placed = mail.Kind is MailKind.ColloqueRegistered or MailKind.ColloquePromoted;
        var cancelled = mail.Kind == MailKind.ColloqueCancelled;
        var (starts, ends) = Day(data);
        var span = new Dictionary<string, string>
        {
            ["startsAt"] = starts.ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = ends.ToString("O", CultureInfo.InvariantCulture),
        };
        parts.Rows.Add(("notifications.label.colloque", _ => data["title"]));
        parts.Rows.Add(("notifications.label.date", l => Span(span, l)));
        if (data.TryGetValue("venue", out var venue) && venue.Length > 0) parts.Rows.Add(("notifications.label.place", _ => venue));
        parts.Rows.Add(("notifications.label.code", _ => data["code"]));
        if (mail.Kind == MailKind.ColloqueWaitlisted && data.TryGetValue("position", out var position))
            parts.Rows.Add(("notifications.label.position", _ => position));
        if (!cancelled && data.ContainsKey("breakouts")) parts.Lists.Add(("notifications.label.breakouts", l => Breakouts(data, l)));
        if (!cancelled && links.UnsealManageToken(data.GetValueOrDefault("sealedToken")) is { } token)
            parts.Links.Add(("notifications.label.manage", links.ColloqueManageUrl(colloqueId, data["code"], token)));
        if (!placed) return;
        parts.QrCode = data["code"];
        var page = links.ColloqueUrl(colloqueId);
        parts.Calendar = new CalendarEntry($"colloque-{colloqueId:D}@concertation",
            int.Parse(data.GetValueOrDefault("sequence", "0"), CultureInfo.InvariantCulture), starts, ends, data["title"], page.ToString(),
            venue, page, Cancelled: false);
    }

    /// <summary>The day: the programme's first start to its last end, or 8 h to 17 h (Québec time) without a programme.</summary>
    private static (DateTimeOffset Starts, DateTimeOffset Ends) Day(Dictionary<string, string> data)
    {
        if (data.TryGetValue("startsAt", out var starts) && data.TryGetValue("endsAt", out var ends))
            return (DateTimeOffset.Parse(starts, CultureInfo.InvariantCulture), DateTimeOffset.Parse(ends, CultureInfo.InvariantCulture));
        var date = DateOnly.ParseExact(data["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (QuebecTime.At(date, new TimeOnly(8, 0)), QuebecTime.At(date, new TimeOnly(17, 0)));
    }

    /// <summary>"9 h 00 – 10 h 30 · Title (room) : seat confirmed", one line per breakout.</summary>
    private IReadOnlyList<string> Breakouts(Dictionary<string, string> data, string language)
    {
        return [.. Lines(data, "breakouts").Select(line => line.Split('\t')).Where(f => f.Length == 7).Select(f =>
        {
            var status = texts.Get(language, $"notifications.breakout.{f[3]}", ("position", f[4]));
            return $"{QuebecTime.Time(Instant(f[0]), language)} – {QuebecTime.Time(Instant(f[1]), language)} · {(language == "en" ? f[6] : f[5])} ({f[2]}) : {status}";
        })];
    }

    private string Text(OutboxMail mail, IReadOnlyList<string> languages, MessageParts parts, Uri? unsubscribe)
    {
        var text = new StringBuilder();
        foreach (var l in languages)
        {
            if (text.Length > 0) text.Append("\n----------------------------------------\n\n");
            text.Append(texts.Get(l, "notifications.greeting", ("name", mail.ToName))).Append("\n\n");
            text.Append(texts.Get(l, TextKey(mail, "body"))).Append("\n\n");
            foreach (var (label, value) in parts.Rows) text.Append(texts.Get(l, label)).Append(l == "fr" ? " : " : ": ").Append(value(l)).Append('\n');
            foreach (var (label, items) in parts.Lists.Select(x => (x.Label, Items: x.Items(l))).Where(x => x.Items.Count > 0))
            {
                text.Append('\n').Append(texts.Get(l, label)).Append('\n');
                foreach (var item in items) text.Append("  - ").Append(item).Append('\n');
            }
            foreach (var (label, url) in parts.Links) text.Append('\n').Append(texts.Get(l, label)).Append(l == "fr" ? " : " : ": ").Append(url).Append('\n');
            if (parts.QrCode is not null) text.Append('\n').Append(texts.Get(l, "notifications.qr")).Append('\n');
            if (parts.Calendar is not null) text.Append(texts.Get(l, "notifications.ics")).Append('\n');
            foreach (var note in parts.Notes) text.Append('\n').Append(texts.Get(l, note)).Append('\n');
            text.Append('\n').Append(texts.Get(l, "notifications.signature")).Append('\n');
            text.Append(texts.Get(l, FooterKey(mail.Kind))).Append('\n');
            if (unsubscribe is not null) text.Append(texts.Get(l, "notifications.unsubscribe")).Append(l == "fr" ? " : " : ": ").Append(unsubscribe).Append('\n');
        }
        return text.ToString();
    }

    private string Html(OutboxMail mail, IReadOnlyList<string> languages, MessageParts parts, Uri? unsubscribe, string? qrContentId)
    {
        static string E(string s) => HtmlEncoder.Default.Encode(s);
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>");
        html.Append("<body style=\"font-family:system-ui,Segoe UI,Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:40rem;margin:0 auto;padding:1rem\">");
        foreach (var l in languages)
        {
            if (l != languages[0]) html.Append("<hr style=\"margin:2rem 0\">");
            html.Append($"<section lang=\"{l}\">");
            html.Append($"<p>{E(texts.Get(l, "notifications.greeting", ("name", mail.ToName)))}</p>");
            html.Append($"<p>{E(texts.Get(l, TextKey(mail, "body")))}</p>");
            if (parts.Rows.Count > 0)
            {
                html.Append("<table style=\"border-collapse:collapse\">");
                foreach (var (label, value) in parts.Rows)
                    html.Append($"<tr><th scope=\"row\" style=\"text-align:left;padding:.2rem 1rem .2rem 0;vertical-align:top\">{E(texts.Get(l, label))}</th><td>{E(value(l))}</td></tr>");
                html.Append("</table>");
            }
            foreach (var (label, items) in parts.Lists.Select(x => (x.Label, Items: x.Items(l))).Where(x => x.Items.Count > 0))
            {
                html.Append($"<h2 style=\"font-size:1.1rem\">{E(texts.Get(l, label))}</h2><ol>");
                foreach (var item in items) html.Append($"<li>{E(item)}</li>");
                html.Append("</ol>");
            }
            foreach (var (label, url) in parts.Links)
                html.Append($"<p><a href=\"{E(url.ToString())}\" style=\"display:inline-block;padding:.6rem 1rem;background:#00528a;color:#fff;text-decoration:none;border-radius:.3rem\">{E(texts.Get(l, label))}</a></p>");
            if (qrContentId is not null && l == languages[0])
                html.Append($"<p><img src=\"cid:{E(qrContentId)}\" width=\"180\" height=\"180\" alt=\"{E(texts.Get(l, "notifications.label.code"))} {E(parts.QrCode!)}\"></p>");
            if (parts.QrCode is not null) html.Append($"<p>{E(texts.Get(l, "notifications.qr"))}</p>");
            if (parts.Calendar is not null) html.Append($"<p>{E(texts.Get(l, "notifications.ics"))}</p>");
            foreach (var note in parts.Notes) html.Append($"<p>{E(texts.Get(l, note))}</p>");
            html.Append($"<p>{E(texts.Get(l, "notifications.signature"))}</p>");
            html.Append($"<p style=\"font-size:.85rem;color:#555\">{E(texts.Get(l, FooterKey(mail.Kind)))}");
            if (unsubscribe is not null) html.Append($" <a href=\"{E(unsubscribe.ToString())}\">{E(texts.Get(l, "notifications.unsubscribe"))}</a>");
            html.Append("</p></section>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>
    /// 6 pixels a module: a registration code (QR version 1–3 and its quiet zone) comes out at 174–222 px, about the 180 px
    /// the HTML shows; at 10 the PNG had almost three times the pixels to encode, then shrunk by the mail client.
    /// </summary>
    private static byte[] QrPng(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    private static IReadOnlyList<string> Lines(Dictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && value.Length > 0 ? value.Split('\n') : [];

    private string Span(Dictionary<string, string> data, string language)
    {
        var starts = Instant(data["startsAt"]);
        if (!data.TryGetValue("endsAt", out var endsText)) return When(data, "startsAt", language, withTime: true);
        var ends = Instant(endsText);
        var zone = texts.Get(language, "notifications.time.zone");
        return language == "en"
            ? $"{QuebecTime.LongDate(starts, language)}, {QuebecTime.Time(starts, language)} to {QuebecTime.Time(ends, language)} ({zone})"
            : $"{QuebecTime.LongDate(starts, language)}, de {QuebecTime.Time(starts, language)} à {QuebecTime.Time(ends, language)} ({zone})";
    }

    private static string When(Dictionary<string, string> data, string key, string language, bool withTime)
    {
        if (!data.TryGetValue(key, out var value)) return "";
        var at = Instant(value);
        return withTime ? $"{QuebecTime.Date(at, language)}, {QuebecTime.Time(at, language)}" : QuebecTime.Date(at, language);
    }

    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>The pieces of one message, shared by its text and HTML bodies.</summary>
    private sealed class MessageParts
    {
        public List<(string Label, Func<string, string> Value)> Rows { get; } = [];
        public List<(string Label, Func<string, IReadOnlyList<string>> Items)> Lists { get; } = [];
        public List<(string Label, Uri Url)> Links { get; } = [];
        public string? QrCode { get; set; }
        public CalendarEntry? Calendar { get; set; }
        public List<string> Notes { get; } = [];
    }
}
