using System.Globalization;
using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Workshops;

/// <summary>
/// What a workshop message needs, captured when it is recorded (the session and the registration
/// as they were then): the web layer's composer turns it into the email.
/// </summary>
public static class WorkshopMailData
{
    public static Dictionary<string, string> Of(Guid sessionId, WorkshopSessionState state, WorkshopRegistration registration, int? position)
    {
        var d = state.Details!;
        var data = new Dictionary<string, string>
        {
            ["sessionId"] = sessionId.ToString("N"),
            ["code"] = registration.Code,
            ["seats"] = registration.Seats.ToString(CultureInfo.InvariantCulture),
            ["status"] = registration.Status.ToString(),
            ["titleFr"] = d.TitleFr,
            ["titleEn"] = d.TitleEn,
            ["startsAt"] = d.StartsAt.ToString("O", CultureInfo.InvariantCulture),
            ["endsAt"] = d.EndsAt.ToString("O", CultureInfo.InvariantCulture),
            ["sequence"] = state.CalendarSequence.ToString(CultureInfo.InvariantCulture),
            ["sessionStatus"] = state.Status.ToString(),
        };
        if (d.Place is { } place) data["place"] = place;
        if (d.OnlineLink is { } link) data["onlineLink"] = link;
        if (registration.SealedToken is { } token) data["sealedToken"] = token;
        if (position is { } p) data["position"] = p.ToString(CultureInfo.InvariantCulture);
        return data;
    }

    /// <summary><paramref name="language"/>: the language the message follows when not the registration's own.</summary>
    public static OutboxMail Record(Guid sessionId, WorkshopSessionState state, WorkshopRegistration registration, MailKind kind,
        DateTimeOffset now, int? position = null, string? language = null) =>
        state.Mail.Record(kind, registration.Email, registration.ContactName, language ?? registration.Language, registration.Code,
            Of(sessionId, state, registration, position), now);
}
