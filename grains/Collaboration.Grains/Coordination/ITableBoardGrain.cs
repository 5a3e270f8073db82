using Collaboration.Grains.Live;

namespace Collaboration.Grains.Coordination;

/// <summary>
/// The coordination board of one table (keyed by the table's id): an index of the action items of
/// all its meetings, fed by the meeting grains after each commit, and the feed of the live topic
/// "board:{tableId}". The meetings stay the truth: a status is changed on the meeting grain, which
/// then feeds the board. Each snapshot carries the meeting's version, so a late or repeated one
/// changes nothing. The meetings feed it through the after-commit path (<see cref="FeedTableBoard"/>),
/// so nothing is lost on the way; <see cref="RebuildAsync"/> stays as an operator's tool.
/// </summary>
[Alias("table-board")]
public interface ITableBoardGrain : IGrainWithGuidKey, ILiveFeedGrain
{
    /// <summary>Keeps the snapshot if it is newer than the one held (idempotent by the meeting's version).</summary>
    Task ApplyAsync(MeetingActionItems meeting);

    Task<BoardView> GetAsync();

    /// <summary>Re-reads every meeting of the table; returns how many meetings it holds.</summary>
    Task<int> RebuildAsync();
}
