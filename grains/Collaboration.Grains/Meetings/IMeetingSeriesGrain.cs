namespace Collaboration.Grains.Meetings;

/// <summary>
/// A table's recurring meetings (keyed by the table's id): every <see cref="SeriesRule"/> date, with the agenda
/// template (<see cref="AgendaTemplate"/>). Creating the next meeting records it here and creates it, with its
/// agenda filled in and listed on the table, after the write commits (the after-commit path): the caller hears
/// the meeting's id once the meeting exists.
/// </summary>
[Alias("meeting-series")]
public interface IMeetingSeriesGrain : IGrainWithGuidKey
{
    /// <summary>Sets up the series, or changes it (meetings already created stay as they are).</summary>
    Task<MeetingResult> SetAsync(SeriesSetup setup);

    /// <summary>The series as of now, or null when the table has none.</summary>
    Task<SeriesView?> GetAsync();

    /// <summary>
    /// Creates the meeting of <paramref name="expectedStartsAt"/>, the series' next date as the organiser saw it
    /// (<see cref="MeetingOutcome.Stale"/> with the series otherwise). <paramref name="setup"/> brings the table's
    /// roster and quorum, the open action items and the minutes to adopt; title, date, place and agenda come from the
    /// series. Asking again for a date already created answers that meeting (a second click creates nothing).
    /// </summary>
    Task<MeetingResult> CreateNextAsync(Guid meetingId, DateTimeOffset expectedStartsAt, MeetingSetup setup);
}
