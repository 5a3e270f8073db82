using Collaboration.Grains.Live;
using Collaboration.Grains.Platform;

namespace Collaboration.Grains.Sessions;

[GrainType("session")]
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Grains)] IPersistentState<SessionState> state, TimeProvider clock)
    : DurableGrain<SessionState>(state, clock), ISessionGrain
{
    /// <summary>The live feed the end of a session goes out on (one event, version 1).</summary>
    public const string Feed = "session";

    public async Task StartAsync(SessionStart start)
    {
        if (State.Started) throw new InvalidOperationException($"Session {GrainKey} was already started.");
        State.Started = true;
        State.Subjects = [.. start.Subjects];
        State.Kind = start.Kind;
        State.Label = start.Label;
        State.Address = start.Address;
        State.UserAgent = start.UserAgent;
        State.StartedAt = Now;
        await WriteStateAsync();
        foreach (var subject in start.Subjects) await GrainFactory.GetGrain<ISubjectSessionsGrain>(subject).AddAsync(GrainKey);
    }

    public Task<bool> IsActiveAsync() => Task.FromResult(State.Started && State.EndedAt is null);

    public Task<SessionInfo?> GetAsync() => Task.FromResult(State.Started
        ? new SessionInfo(GrainKey, State.Kind, State.Label, State.StartedAt, State.Address, State.UserAgent, State.EndedAt, State.EndReason)
        : null);

    public async Task<bool> EndAsync(string reason)
    {
        if (!State.Started || State.EndedAt is not null) return false;
        State.EndedAt = Now;
        State.EndReason = reason;
        await WriteStateAsync();
        // Every node drops the session from its cache and closes its hub connections.
        var id = this.GetGrainId();
        GrainFactory.GetGrain<ILiveRelayGrain>(0).PublishAsync(new LiveBatch(id, Feed, GrainKey,
            [new LiveEvent(1, nameof(SessionEnded), new SessionEnded(GrainKey, reason), Now)])).Ignore();
        return true;
    }
}
