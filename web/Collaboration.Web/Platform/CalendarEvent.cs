namespace Collaboration.Web.Platform;

/// <summary>One VEVENT of an iCalendar file.</summary>
public sealed record CalendarEvent(string Uid, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Summary, string Description,
    string? Location, Uri? Url, bool Cancelled = false);
