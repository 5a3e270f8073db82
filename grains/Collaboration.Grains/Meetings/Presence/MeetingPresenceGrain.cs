using Collaboration.Grains.Live;

namespace Collaboration.Grains.Meetings.Presence;

/// <summary>
/// One meeting's presence (see <see cref="IMeetingPresenceGrain"/>): connection → (node, person, last seen), in
/// memory. A change of the people (not of their connections) goes out on the live relay as one
/// <see cref="PresenceChanged"/>, coalesced over <see cref="Coalescing"/>, so a room filling up is not N² pushes.
/// </summary>
[GrainType("meeting-presence")]
public sealed class MeetingPresenceGrain(TimeProvider clock) : Grain, IMeetingPresenceGrain
{
    /// <summary>The feed name of <see cref="PresenceChanged"/> on the live relay.</summary>
    public const string Feed = "meeting-presence";

    /// <summary>How often web nodes send their live connections.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection not heard of for this long is dropped: two heartbeats may be missed, and with the sweep a dead
    /// node's clients are gone within 27 s of its last heartbeat.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(25);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(2);

    /// <summary>Changes within this window go out as one push.</summary>
    public static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, Entry> _connections = new(StringComparer.Ordinal);
    private IReadOnlyList<PresentPerson> _people = [];
    private long _version;
    private IGrainTimer? _publishTimer;

    private sealed record Entry(string Node, PresentPerson Person, DateTimeOffset LastSeen);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions go on from the previous activation's (on any node): they start from this activation's time.
        _version = clock.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;
        this.RegisterGrainTimer(() =>
        {
            Refresh();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(SweepEvery, SweepEvery));
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<PresenceSnapshot> ArriveAsync(string node, PresentConnection connection)
    {
        _connections[connection.ConnectionId] = new Entry(node, connection.Person, clock.GetUtcNow());
        Refresh();
        return Task.FromResult(Snapshot());
    }

    public Task LeaveAsync(IReadOnlyList<string> connectionIds)
    {
        foreach (var id in connectionIds) _connections.Remove(id);
        Refresh();
        return Task.CompletedTask;
    }

    public Task HeartbeatAsync(string node, IReadOnlyList<PresentConnection> connections)
    {
        var now = clock.GetUtcNow();
        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in connections)
        {
            live.Add(c.ConnectionId);
            _connections[c.ConnectionId] = new Entry(node, c.Person, now);
        }
        foreach (var (id, entry) in _connections)
            if (entry.Node == node && !live.Contains(id)) _connections.Remove(id);
        Refresh();
        return Task.CompletedTask;
    }

    public Task<PresenceSnapshot> GetAsync()
    {
        Refresh();
        return Task.FromResult(Snapshot());
    }

    /// <summary>A snapshot is the whole truth: a relay that missed some gets the next one as it comes.</summary>
    public Task<LiveReplay> GetEventsSinceAsync(long sinceVersion) => Task.FromResult(new LiveReplay(_version, null));

    private PresenceSnapshot Snapshot() => new(_version, _people);

    /// <summary>Drops the expired connections; when the people changed, publishes them shortly.</summary>
    private void Refresh()
    {
        var oldest = clock.GetUtcNow() - Expiry;
        foreach (var (id, entry) in _connections)
            if (entry.LastSeen < oldest) _connections.Remove(id);
        IReadOnlyList<PresentPerson> people =
            [.. _connections.Values.Select(e => e.Person).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id, StringComparer.Ordinal)];
        if (people.SequenceEqual(_people)) return;
        _people = people;
        _publishTimer ??= this.RegisterGrainTimer(() =>
        {
            _publishTimer?.Dispose();
            _publishTimer = null;
            Publish();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(Coalescing, Timeout.InfiniteTimeSpan));
    }

    /// <summary>
    /// A new version per publication (not per change), so the relay sees them in a row; a screen given a snapshot
    /// of version V by <see cref="ArriveAsync"/> may already hold what V's push says, and waits for V + 1.
    /// </summary>
    private void Publish()
    {
        _version++;
        var id = this.GetGrainId();
        var meetingId = this.GetPrimaryKey();
        var changed = new PresenceChanged(meetingId, _people);
        // One-way to this silo's relay, as LiveGrain hands over its events: a live push, not an effect on another grain's
        // state, so not the after-commit path. Presence is not stored; a push lost with its node is replaced by the next
        // heartbeat's list (every 10 s), and the dead node's connections expire here.
        GrainFactory.GetGrain<ILiveRelayGrain>(0).PublishAsync(new LiveBatch(id, Feed, meetingId.ToString(),
            [new LiveEvent(_version, nameof(PresenceChanged), changed, clock.GetUtcNow())])).Ignore();
    }
}
