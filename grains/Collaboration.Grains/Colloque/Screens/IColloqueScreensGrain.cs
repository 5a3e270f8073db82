using Collaboration.Grains.Live;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// The room screens of one colloque (same key): what each room shows as "now" and the announcement every
/// screen shows, with a copy of the programme's times that the signups grain shows it after each programme
/// change (<see cref="ShowProgramme"/>, through the after-commit path). Its own small state, so advancing a
/// room or announcing never rewrites the list of places. Feeds the public topic "colloque-screens".
/// </summary>
[Alias("colloque-screens")]
public interface IColloqueScreensGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    Task<ScreensView> GetAsync();

    /// <summary>
    /// The programme as of the signups grain's <paramref name="version"/>: kept if newer than the copy (a repeated or
    /// late one changes nothing); a room whose "now" was a session no longer in that room follows the timetable again.
    /// </summary>
    Task ShowProgrammeAsync(long version, IReadOnlyList<ScreenSession> sessions);

    /// <summary>Sets what a room shows as now (<see cref="Guid.Empty"/>: nothing), or null to follow the timetable again.</summary>
    Task<ProgrammeResult> SetRoomNowAsync(string room, Guid? sessionId);

    /// <summary>Moves a room to its next session (after the one shown now).</summary>
    Task<RoomAdvance> AdvanceRoomAsync(string room);

    /// <summary>Shows a message on every screen; null or empty clears it.</summary>
    Task SetAnnouncementAsync(string? text);
}
