using Collaboration.Grains.Platform;
using Collaboration.Grains.Workshops;
using Collaboration.Web.Layout;

namespace Collaboration.Web.Workshops;

/// <summary>
/// A session's availability badge as the server renders it (state + words), the same rule as the
/// client's availability() in workshops.js, which keeps it live afterwards.
/// </summary>
public static class WorkshopAvailability
{
    public static (string State, string Text) Of(WorkshopSummary s, DateTimeOffset now, MessageCatalog messages, string language)
    {
        string Text(string key, int? n = null) =>
            messages.Text(language, key, n is { } value ? new Dictionary<string, string> { ["n"] = value.ToString() } : null);

        if (s.Status == WorkshopStatus.Cancelled) return ("cancelled", Text("ws.cancelled"));
        if (s.Status == WorkshopStatus.Done) return ("done", Text("ws.done"));
        if (s.Status == WorkshopStatus.Closed || s.RegistrationClosesAt <= now || s.RegistrationOpensAt > now) return ("closed", Text("ws.closed"));
        if (s.SeatsLeft > 0) return ("open", s.SeatsLeft == 1 ? Text("ws.seatLeft") : Text("ws.seatsLeft", s.SeatsLeft));
        return ("full", s.Waitlisted > 0 ? Text("ws.full", s.Waitlisted) : Text("ws.fullNoWait"));
    }

    /// <summary>"jeudi 4 mars 2027, 13 h 30 – 15 h 30 (heure du Québec)", as the client's when().</summary>
    public static string When(WorkshopSummary s, MessageCatalog messages, string language) =>
        $"{QuebecTime.LongDate(s.StartsAt, language)}, {QuebecTime.Time(s.StartsAt, language)} – {QuebecTime.Time(s.EndsAt, language)} ({messages.Text(language, "time.zone")})";

    /// <summary>"Joliette · En ligne", as the client's where().</summary>
    public static string Where(WorkshopSummary s, MessageCatalog messages, string language) =>
        string.Join(" · ", new[] { s.Place, s.OnlineLink is { Length: > 0 } ? messages.Text(language, "ws.online") : null }.Where(p => !string.IsNullOrEmpty(p)));
}
