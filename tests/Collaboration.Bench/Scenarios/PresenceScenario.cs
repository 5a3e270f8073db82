using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;
using Collaboration.Grains.Meetings.Presence;
using Collaboration.Testing;
using Collaboration.Web.Meetings;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Presence across the cluster: 1,000 official SignalR clients on one meeting, half on each of two web nodes on
/// PostgreSQL. Measures the CPU of one node's heartbeat (its 500 live connections to the meeting's presence grain),
/// beside, in the same run, a heartbeat carrying no connection (the bare grain call) and the CPU of the idle
/// connections; and the time from a client closing on node B to node A's screen dropping them.
/// </summary>
internal sealed class PresenceScenario : IScenario
{
    public const int Clients = 1_000;

    public string Name => "presence";

    public string Title => "Presence: 1,000 clients over two nodes";

    public async Task<string> RunAsync(BenchContext context)
    {
        var window = TimeSpan.FromSeconds(context.Quick ? 3 : 10);
        var closes = context.Quick ? 5 : 20;
        var cluster = await context.GetPostgresAsync();
        var database = await cluster.CreateDatabaseAsync("presence");
        Console.WriteLine("  starting two web nodes on one PostgreSQL…");
        await using var nodeA = await WebNode.StartAsync(database);
        await using var nodeB = await WebNode.StartAsync(database);
        var grains = nodeA.Services.GetRequiredService<IGrainFactory>();
        await ClusterWait.UntilHubsRegisteredAsync(grains, 2).WaitAsync(TimeSpan.FromSeconds(60));
        var cookie = await nodeA.OrganiserCookieAsync();
        using var chair = nodeA.NewHttpClient(cookie);
        var (meetingId, leaverToken) = await ArrangeAsync(chair);
        var topic = $"meeting:{meetingId}";
        using var nodeBHttp = nodeB.NewHttpClient();
        var signIn = await nodeBHttp.PostAsJsonAsync("/api/tables/sign-in", new { token = leaverToken });
        signIn.EnsureSuccessStatusCode();
        var leaverCookie = WebNode.CookieOf(signIn);

        Console.WriteLine($"  opening the meeting in {Clients:N0} clients (half on each node)…");
        var connections = await HubClients.ConnectManyAsync(Clients, 20, async i =>
        {
            var connection = await HubClients.ConnectAsync(i % 2 == 0 ? nodeA.HubUrl : nodeB.HubUrl, cookie, "presence", _ => { });
            await connection.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
            return connection;
        });
        await Task.Delay(1000); // the arrivals' pushes settle

        // Idle: the 1,000 connections open, nothing asked of them (the nodes' own 10 s heartbeats run as always).
        var idleStart = CpuSampler.Take();
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(window);
        var idle = CpuSampler.Take() - idleStart;
        var idleSeconds = idleClock.Elapsed.TotalSeconds;
        var idleCpuPerSecond = (idle.Process + idle.Postgres) / idleSeconds;

        // A node's heartbeat, back to back on both nodes: each carries that node's 500 connections to the grain.
        var nodes = new[] { nodeA.Services.GetRequiredService<MeetingPresence>(), nodeB.Services.GetRequiredService<MeetingPresence>() };
        var (beats, beatsCpu, beatsSeconds) = await BackToBackAsync(window, async n => await nodes[n % 2].HeartbeatAsync());
        // Baseline: the same grain call from the same nodes, carrying no connection (another meeting's grain).
        var empty = grains.GetGrain<IMeetingPresenceGrain>(Guid.NewGuid());
        var emptyOnB = nodeB.Services.GetRequiredService<IGrainFactory>().GetGrain<IMeetingPresenceGrain>(empty.GetPrimaryKey());
        var (calls, callsCpu, callsSeconds) = await BackToBackAsync(window, n => (n % 2 == 0 ? empty : emptyOnB).HeartbeatAsync($"bench-{n % 2}", []));
        var heartbeatMs = (beatsCpu - idleCpuPerSecond * beatsSeconds) * 1000 / beats;
        var emptyMs = (callsCpu - idleCpuPerSecond * callsSeconds) * 1000 / calls;
        Console.WriteLine($"    heartbeat of 500 connections: {heartbeatMs:0.000} ms CPU; empty heartbeat: {emptyMs:0.000} ms CPU; idle {idleCpuPerSecond * 1000:0} ms CPU/s");

        // Drop-out: a member on node B closes the meeting; timed until node A's watcher has the list without them.
        Console.WriteLine($"  timing {closes} closes on node B, watched from node A…");
        var watcherLists = new List<(long At, bool WithLeaver)>();
        var watcher = await HubClients.ConnectAsync(nodeA.HubUrl, cookie, "presence", update =>
        {
            var withLeaver = update.GetProperty("people").EnumerateArray().Any(p => p.GetProperty("name").GetString() == LeaverName);
            lock (watcherLists) watcherLists.Add((Stopwatch.GetTimestamp(), withLeaver));
        });
        await watcher.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
        var dropMs = new List<double>();
        for (var i = 0; i < closes; i++)
        {
            var leaver = await HubClients.ConnectAsync(nodeB.HubUrl, leaverCookie, "presence", _ => { });
            await leaver.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
            await UntilAsync(watcherLists, withLeaver: true, since: 0);
            var t0 = Stopwatch.GetTimestamp();
            await leaver.DisposeAsync();
            var at = await UntilAsync(watcherLists, withLeaver: false, since: t0);
            dropMs.Add((at - t0) * 1000.0 / Stopwatch.Frequency);
        }
        await watcher.DisposeAsync();
        await HubClients.DisposeAllAsync(connections);
        Console.WriteLine($"    closed client dropped out: p50 {Stats.Percentile([.. dropMs.Order()], 0.5):0} ms, max {dropMs.Max():0} ms");
        return Report(window, idleCpuPerSecond, beats, beatsSeconds, heartbeatMs, beatsCpu * 1000 / beats, calls, callsSeconds, emptyMs, callsCpu * 1000 / calls, dropMs);
    }

    private const string LeaverName = "Membre qui part";

    /// <summary>Calls <paramref name="call"/> one after the other for <paramref name="window"/>; how many, the CPU seconds used, the seconds taken.</summary>
    private static async Task<(int Count, double CpuSeconds, double Seconds)> BackToBackAsync(TimeSpan window, Func<int, Task> call)
    {
        var start = CpuSampler.Take();
        var clock = Stopwatch.StartNew();
        var n = 0;
        while (clock.Elapsed < window) await call(n++);
        var used = CpuSampler.Take() - start;
        return (n, used.Process + used.Postgres, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Waits until the watcher got a list with (or without) the leaver after <paramref name="since"/>; when.</summary>
    private static async Task<long> UntilAsync(List<(long At, bool WithLeaver)> lists, bool withLeaver, long since)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(40))
        {
            lock (lists)
            {
                var last = lists.Count > 0 ? lists[^1] : default;
                if (lists.Count > 0 && last.WithLeaver == withLeaver && last.At >= since) return last.At;
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"The watcher never saw the leaver {(withLeaver ? "arrive" : "leave")}.");
    }

    private static async Task<(Guid Meeting, string LeaverToken)> ArrangeAsync(HttpClient organiser)
    {
        async Task<JsonElement> PostAsync(string path, object? body)
        {
            var response = await organiser.PostAsJsonAsync(path, body);
            response.EnsureSuccessStatusCode();
            return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var table = await PostAsync("/api/tables", new { name = "Table du banc d'essai (présence)", quorum = 1 });
        var tableId = table.GetProperty("id").GetGuid();
        var member = await PostAsync($"/api/tables/{tableId}/members", new { name = LeaverName, sector = "autre", email = $"membre-{Guid.NewGuid():N}@exemple.qc.ca" });
        var link = member.GetProperty("signInLink").GetString()!;
        var meeting = await PostAsync("/api/meetings", new { tableId, title = "Rencontre du banc d'essai (présence)", startsAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        return (meeting.GetProperty("id").GetGuid(), link[(link.IndexOf("#t=", StringComparison.Ordinal) + 3)..]);
    }

    private static string Report(TimeSpan window, double idleCpuPerSecond, int beats, double beatsSeconds, double heartbeatMs, double heartbeatGrossMs,
        int calls, double callsSeconds, double emptyMs, double emptyGrossMs, List<double> dropMs)
    {
        var sorted = dropMs.Order().ToArray();
        var table = new MarkdownTable("", "rate", "CPU per operation, net of idle", "CPU per operation, gross");
        table.Row($"a node's heartbeat: its {Clients / 2:N0} connections to the meeting's presence grain", $"{beats / beatsSeconds:N0} /s back to back",
            $"{heartbeatMs:0.000} ms ({heartbeatMs * 1000 / (Clients / 2):0.0} µs per connection)", $"{heartbeatGrossMs:0.000} ms");
        table.Row("a heartbeat with no connection, same grain call (baseline)", $"{calls / callsSeconds:N0} /s back to back", $"{emptyMs:0.000} ms", $"{emptyGrossMs:0.000} ms");
        table.Row($"{Clients:N0} open clients, idle (nodes' own heartbeats every 10 s)", "–", "–", $"{idleCpuPerSecond * 1000:0} ms CPU per second");
        var drop = new MarkdownTable("", "p50", "p99", "max", "closes");
        drop.Row("a client closing on node B, until node A's screen drops them", $"{Stats.Percentile(sorted, 0.5):0} ms", $"{Stats.Percentile(sorted, 0.99):0} ms", $"{sorted[^1]:0} ms", $"{sorted.Length}");

        var text = new StringBuilder();
        text.AppendLine($"""
            One meeting opened by {Clients:N0} clients, each the **official .NET SignalR client** (WebSockets, `Subscribe(meeting:ID)`),
            **half on each of two web nodes** (the real app on Kestrel, one Orleans cluster on one PostgreSQL, all in the bench
            process on the same 2 cores). The clients share the organiser's cookie, so the meeting's presence grain holds
            {Clients:N0} connections of one person (the list pushed stays short: its fan-out to 1,000 clients is the meeting fan-out
            figure above); one member on node B is the client who closes. Each node heartbeats its live connections to the grain
            every 10 s, one call per meeting; here the bench calls the nodes' heartbeat back to back for {window.TotalSeconds:0} s
            (alternately node A and node B), and then, as the baseline, the same grain call carrying no connection. CPU is this
            process's and PostgreSQL's (`/proc`), less the idle rate measured over {window.TotalSeconds:0} s just before with the
            {Clients:N0} clients connected (that idle rate, the two silos' and 1,000 clients' own upkeep on a shared machine, is large
            beside a heartbeat: the gross figures are given too, an upper bound).

            """);
        text.Append(table);
        text.AppendLine();
        text.Append(drop);
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** A heartbeat costs {heartbeatMs:0.00} ms of CPU for {Clients / 2:N0} connections against {emptyMs:0.00} ms for
            the bare call: at one heartbeat per node per meeting every 10 s, {Clients:N0} clients cost about
            {heartbeatMs * 2 / 10:0.000} ms of CPU per second. A client that closes is dropped from the other node's screen in
            {Stats.Percentile(sorted, 0.5):0} ms (p50): its leave is sent at once, the grain coalesces changes over
            {MeetingPresenceGrain.Coalescing.TotalMilliseconds:0} ms, then the relay and the hub push. A client that vanishes
            without closing (a dead node) is dropped by expiry, {MeetingPresenceGrain.Expiry.TotalSeconds:0} s after its node's
            last heartbeat at most plus a 2 s sweep; the two-node kill test measures it
            (`Presence_AKilledNodesClients_DropOutWithin30Seconds`).
            """);
        return text.ToString();
    }
}
