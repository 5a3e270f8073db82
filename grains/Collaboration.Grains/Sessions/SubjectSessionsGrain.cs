using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Sessions;

[GrainType("subject-sessions")]
public sealed class SubjectSessionsGrain(
    [PersistentState("subject-sessions", StorageNames.Grains)] IPersistentState<SubjectSessionsState> state, TimeProvider clock)
    : DurableGrain<SubjectSessionsState>(state, clock), ISubjectSessionsGrain
{
    /// <summary>A subject keeps at most this many open sessions; the oldest goes first.</summary>
    public const int MaxSessions = 50;

    public async Task AddAsync(string sessionId)
    {
        if (State.SessionIds.Contains(sessionId)) return;
        State.SessionIds.Add(sessionId);
        var overflow = State.SessionIds.Count - MaxSessions;
        if (overflow > 0)
        {
            foreach (var oldest in State.SessionIds.Take(overflow).ToList())
                await GrainFactory.GetGrain<ISessionGrain>(oldest).EndAsync("too-many-sessions");
            State.SessionIds.RemoveRange(0, overflow);
        }
        await WriteStateAsync();
    }

    public async Task<IReadOnlyList<string>> EndAllAsync(string reason)
    {
        var ended = new List<string>();
        foreach (var id in State.SessionIds)
            if (await GrainFactory.GetGrain<ISessionGrain>(id).EndAsync(reason)) ended.Add(id);
        State.SessionIds.Clear();
        await WriteStateAsync();
        return ended;
    }

    public async Task<IReadOnlyList<SessionInfo>> ListActiveAsync()
    {
        var active = new List<SessionInfo>();
        foreach (var id in State.SessionIds)
            if (await GrainFactory.GetGrain<ISessionGrain>(id).GetAsync() is { EndedAt: null } info) active.Add(info);
        if (active.Count != State.SessionIds.Count)
        {
            State.SessionIds = [.. active.Select(a => a.SessionId)];
            await WriteStateAsync();
        }
        return active;
    }
}
