using Collaboration.Grains.Coordination.Events;
using Collaboration.Grains.Live;
using Collaboration.Grains.Meetings;
using Collaboration.Grains.Tables;

namespace Collaboration.Grains.Coordination;

[GrainType("table-board")]
public sealed class TableBoardGrain(
    [PersistentState("table-board", Platform.StorageNames.Grains)] IPersistentState<TableBoardState> state, TimeProvider clock)
    : LiveGrain<TableBoardState>(state, clock), ITableBoardGrain
{
    public async Task ApplyAsync(MeetingActionItems meeting)
    {
        if (ApplyMany([meeting])) await WriteStateAsync();
    }

    public Task<BoardView> GetAsync() => Task.FromResult(new BoardView(GrainGuidKey, Version, Items().Values.ToList(), Decisions()));

    public async Task<int> RebuildAsync()
    {
        var table = await GrainFactory.GetGrain<ITableGrain>(GrainGuidKey).GetAsync();
        if (table is null) return State.Meetings.Count;
        var snapshots = new List<MeetingActionItems>();
        foreach (var reference in table.Meetings)
            if (await GrainFactory.GetGrain<IMeetingGrain>(reference.Id).GetAsync() is { } meeting)
                snapshots.Add(MeetingActionItems.From(meeting));
        if (ApplyMany(snapshots)) await WriteStateAsync();
        return State.Meetings.Count;
    }

    /// <summary>Keeps the snapshots newer than those held; raises what changed on the board. True when the state changed.</summary>
    private bool ApplyMany(IReadOnlyList<MeetingActionItems> snapshots)
    {
        var fresh = snapshots.Where(s => s.TableId == GrainGuidKey &&
            (!State.Meetings.TryGetValue(s.MeetingId, out var known) || known.Version < s.Version)).ToList();
        if (fresh.Count == 0) return false;
        var before = Items();
        var decisionsBefore = Decisions().Select(d => d.Id).ToHashSet();
        foreach (var snapshot in fresh) State.Meetings[snapshot.MeetingId] = snapshot;
        var after = Items();
        var changed = after.Values.Where(i => !before.TryGetValue(i.ItemId, out var old) || old != i).ToList();
        var removed = before.Keys.Where(id => !after.ContainsKey(id)).ToList();
        if (changed.Count > 0 || removed.Count > 0) RaiseEvent(new BoardItemsChanged(changed, removed));
        var recorded = Decisions().Where(d => !decisionsBefore.Contains(d.Id)).ToList();
        if (recorded.Count > 0) RaiseEvent(new BoardDecisionsRecorded(recorded));
        return true;
    }

    /// <summary>The decisions of every meeting of the table, newest first.</summary>
    private List<BoardDecision> Decisions() =>
        [.. State.Meetings.Values.SelectMany(m => m.Decisions ?? []).OrderByDescending(d => d.RecordedAt).ThenBy(d => d.Id)];

    /// <summary>Each item from the latest meeting that carries it (by start, then id, so every node agrees).</summary>
    private Dictionary<Guid, BoardItem> Items()
    {
        var items = new Dictionary<Guid, BoardItem>();
        foreach (var meeting in State.Meetings.Values.OrderBy(m => m.StartsAt).ThenBy(m => m.MeetingId))
        foreach (var item in meeting.Items)
        {
            var raisedIn = item.OriginMeetingId ?? meeting.MeetingId;
            var raisedAt = State.Meetings.TryGetValue(raisedIn, out var origin) ? origin.StartsAt : meeting.StartsAt;
            items[item.Id] = new BoardItem(item.Id, item.Text, item.OwnerMemberId, item.OwnerName, item.Due, item.Status, item.ClosedAt,
                meeting.MeetingId, meeting.Title, meeting.Status, raisedIn, item.OriginMeetingTitle ?? meeting.Title, raisedAt, item.Version);
        }
        return items;
    }
}
