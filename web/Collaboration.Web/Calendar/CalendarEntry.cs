namespace Collaboration.Web.Calendar;

/// <summary>
/// One event for a calendar file. <see cref="Uid"/> is stable per workshop session or meeting,
/// <see cref="Sequence"/> grows with each change calendars must follow, and a cancelled entry is
/// written as METHOD:CANCEL, so a calendar that imported the event removes it. <see cref="Recurrence"/> (an RRULE
/// value) makes it a recurring event: a Table's series, without the <see cref="ExceptionDates"/> (EXDATE): the dates whose
/// meeting exists as an event of its own, so a calendar holding both does not show that day twice.
/// </summary>
public sealed record CalendarEntry(
    string Uid,
    int Sequence,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Summary,
    string Description,
    string? Location,
    Uri? Url,
    bool Cancelled,
    string? Recurrence = null,
    IReadOnlyList<DateTimeOffset>? ExceptionDates = null);
