using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>
/// A member's device following <c>meeting:{id}</c> with the official .NET SignalR client (WebSockets, the member's
/// cookie), as the room page does: events kept by version, a gap or a lost node filled by <c>Subscribe(topic, lastVersion)</c>.
/// What it shows is read from the events it received, in version order, never from the server's answer to its own calls.
/// </summary>
internal sealed class MeetingFollower : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, JsonElement> _events = [];
    private readonly string _topic;
    private readonly string _cookie;
    private HubConnection _connection;
    private long _from;

    private MeetingFollower(HubConnection connection, string topic, string cookie)
    {
        _connection = connection;
        _topic = topic;
        _cookie = cookie;
    }

    public string Name { get; init; } = "";

    /// <summary>Connects to <paramref name="hub"/> and subscribes from the meeting's current snapshot.</summary>
    public static async Task<MeetingFollower> ConnectAsync(Uri hub, string cookie, Guid meetingId, string name, TimeSpan timeout)
    {
        var topic = $"meeting:{meetingId}";
        var follower = new MeetingFollower(null!, topic, cookie) { Name = name };
        follower._connection = await follower.OpenAsync(hub, timeout);
        var answer = await follower._connection.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null).WaitAsync(timeout);
        lock (follower._gate) follower._from = answer.GetProperty("version").GetInt64();
        return follower;
    }

    /// <summary>The device comes back through another node (its own died), from the last version it has without a gap.</summary>
    public async Task MoveToAsync(Uri hub, TimeSpan timeout)
    {
        try { await _connection.DisposeAsync(); } catch (Exception e) when (e is not OutOfMemoryException) { /* its node is gone */ }
        _connection = await OpenAsync(hub, timeout);
        await RefillAsync(timeout);
    }

    /// <summary>Waits until every version up to <paramref name="version"/> is here, asking the hub for what did not come.</summary>
    public async Task CatchUpAsync(long version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (LastContiguous() < version)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name}: has v{LastContiguous()} without a gap, v{version} expected");
            await Task.Delay(200);
            if (LastContiguous() < version) await RefillAsync(timeout);
        }
    }

    /// <summary>The totals of the motion as the last event about them said: (for, against, abstain, ballots).</summary>
    public (int For, int Against, int Abstain, int Ballots)? TallyOf(Guid motionId)
    {
        lock (_gate)
        {
            var last = _events.Values.LastOrDefault(e => e.GetProperty("type").GetString() is "BallotCast" or "HandsCounted" &&
                                                        e.GetProperty("data").GetProperty("motionId").GetGuid() == motionId);
            if (last.ValueKind == JsonValueKind.Undefined) return null;
            var tally = last.GetProperty("data").GetProperty("tally");
            return (tally.GetProperty("for").GetInt32(), tally.GetProperty("against").GetInt32(), tally.GetProperty("abstain").GetInt32(),
                tally.GetProperty("ballots").GetInt32());
        }
    }

    /// <summary>The speaking queue as the last floor event said (member ids in order).</summary>
    public IReadOnlyList<Guid> Queue()
    {
        lock (_gate)
        {
            var last = _events.Values.LastOrDefault(e => e.GetProperty("type").GetString() == "FloorChanged");
            return last.ValueKind == JsonValueKind.Undefined ? []
                : [.. last.GetProperty("data").GetProperty("floor").GetProperty("queue").EnumerateArray().Select(h => h.GetProperty("memberId").GetGuid())];
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _connection.DisposeAsync(); } catch (Exception e) when (e is not OutOfMemoryException) { /* closing */ }
    }

    private async Task<HubConnection> OpenAsync(Uri hub, TimeSpan timeout)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Headers["Cookie"] = _cookie;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        connection.On<JsonElement>("event", Add);
        await connection.StartAsync().WaitAsync(timeout);
        return connection;
    }

    private async Task RefillAsync(TimeSpan timeout)
    {
        var answer = await _connection.InvokeAsync<JsonElement>("Subscribe", _topic, (long?)LastContiguous()).WaitAsync(timeout);
        if (answer.GetProperty("events") is { ValueKind: JsonValueKind.Array } events)
            foreach (var e in events.EnumerateArray()) Add(e);
        else throw new InvalidOperationException($"{Name}: the meeting's tail no longer reaches v{LastContiguous()} (a snapshot came)");
    }

    private void Add(JsonElement envelope)
    {
        if (envelope.GetProperty("topic").GetString() != _topic) return;
        lock (_gate) _events[envelope.GetProperty("version").GetInt64()] = envelope.Clone();
    }

    private long LastContiguous()
    {
        lock (_gate)
        {
            var last = _from;
            foreach (var version in _events.Keys.Where(v => v > _from))
            {
                if (version != last + 1) break;
                last = version;
            }
            return last;
        }
    }
}
