using Collaboration.Grains.Colloque.Events;
using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Colloque;

/// <summary>
/// The room screens of one colloque (see <see cref="IColloqueScreensGrain"/>).
/// <para>
/// A room's "now" is the session set by hand, else the timetable's (the last one started and not ended).
/// "Next" goes on from the session shown now, in start order; after a break it goes on from the session
/// shown before the break, not from the timetable. The programme is a copy (times and rooms only): the
/// signups grain decides it and shows each change here.
/// </para>
/// </summary>
[GrainType("colloque-screens")]
public sealed class ColloqueScreensGrain(
    [PersistentState("colloque-screens", StorageNames.Grains)] IPersistentState<ColloqueScreensState> state, TimeProvider clock)
    : LiveGrain<ColloqueScreensState>(state, clock), IColloqueScreensGrain
{
    public Task<ScreensView> GetAsync() => Task.FromResult(new ScreensView(
        [.. State.Sessions.Select(s => s.Room).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        [.. State.RoomNow.Values.OrderBy(r => r.Room, StringComparer.Ordinal)], State.Announcement, Version));

    public async Task ShowProgrammeAsync(long version, IReadOnlyList<ScreenSession> sessions)
    {
        if (version <= State.ProgrammeVersion) return;
        State.ProgrammeVersion = version;
        State.Sessions = [.. sessions];
        // A room set to a session that left it (removed, or moved to another room) goes back to the timetable.
        var orphaned = State.RoomNow.Values
            .Where(r => r.SessionId != Guid.Empty && !sessions.Any(s => s.Id == r.SessionId && s.Room == r.Room))
            .Select(r => r.Room).ToList();
        foreach (var room in orphaned)
        {
            State.RoomNow.Remove(room);
            RaiseEvent(new RoomNowChanged(room, null, true, Now));
        }
        await WriteStateAsync();
    }

    public async Task<ProgrammeResult> SetRoomNowAsync(string room, Guid? sessionId)
    {
        if (!State.Sessions.Exists(s => s.Room == room)) return ProgrammeResult.UnknownRoom;
        if (sessionId is { } id && id != Guid.Empty && !State.Sessions.Exists(s => s.Id == id && s.Room == room)) return ProgrammeResult.UnknownSession;
        if (sessionId is { } chosen)
            State.RoomNow[room] = new RoomNow(room, chosen, Now, chosen == Guid.Empty ? LastShownIn(room) : null);
        else State.RoomNow.Remove(room);
        RaiseEvent(new RoomNowChanged(room, sessionId, sessionId is null, Now));
        await WriteStateAsync();
        return ProgrammeResult.Ok;
    }

    public async Task<RoomAdvance> AdvanceRoomAsync(string room)
    {
        var inRoom = State.Sessions.Where(s => s.Room == room).OrderBy(s => s.StartsAt).ToList();
        if (inRoom.Count == 0) return new RoomAdvance(ProgrammeResult.UnknownRoom, null);
        // After a break: on from the session shown before it, not from the timetable.
        var current = CurrentIn(room, inRoom) ?? (LastShownIn(room) is { } last ? inRoom.Find(s => s.Id == last) : null);
        var next = current is not null
            ? inRoom.FirstOrDefault(s => s.StartsAt > current.StartsAt || (s.StartsAt == current.StartsAt && inRoom.IndexOf(s) > inRoom.IndexOf(current)))
            : inRoom.FirstOrDefault(s => s.EndsAt > Now);
        State.RoomNow[room] = new RoomNow(room, next?.Id ?? Guid.Empty, Now, next is null ? current?.Id : null);
        RaiseEvent(new RoomNowChanged(room, next?.Id ?? Guid.Empty, false, Now));
        await WriteStateAsync();
        return new RoomAdvance(ProgrammeResult.Ok, next?.Id);
    }

    public async Task SetAnnouncementAsync(string? text)
    {
        State.Announcement = string.IsNullOrWhiteSpace(text) ? null : new Announcement(text, Now);
        RaiseEvent(new AnnouncementChanged(State.Announcement?.Text, Now));
        await WriteStateAsync();
    }

    /// <summary>The session the room shows now, or during a break the one it showed before.</summary>
    private Guid? LastShownIn(string room)
    {
        if (State.RoomNow.TryGetValue(room, out var set))
            return set.SessionId != Guid.Empty ? set.SessionId : set.LastShown;
        var inRoom = State.Sessions.Where(s => s.Room == room).OrderBy(s => s.StartsAt).ToList();
        return CurrentIn(room, inRoom)?.Id;
    }

    private ScreenSession? CurrentIn(string room, List<ScreenSession> inRoom)
    {
        if (State.RoomNow.TryGetValue(room, out var set)) return inRoom.Find(s => s.Id == set.SessionId);
        return inRoom.LastOrDefault(s => s.StartsAt <= Now && Now < s.EndsAt);
    }
}
