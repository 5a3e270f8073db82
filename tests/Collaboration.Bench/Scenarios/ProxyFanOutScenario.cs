using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;
using Collaboration.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// What the one public address costs: the meeting fan-out through Debian's nginx (round robin, the repository's
/// <c>deploy/nginx/concertation.conf</c>) against direct connections to the nodes, in the same run, rounds interleaved.
/// Two node processes on one PostgreSQL; two meetings, each followed by its own clients (official .NET SignalR client,
/// WebSockets without negotiation, as the browser): one meeting's clients and writes go straight to the nodes (half
/// each), the other's through nginx. The rate beside the CPU per change of the nodes, nginx and PostgreSQL, clients excluded.
/// </summary>
internal sealed class ProxyFanOutScenario : IScenario
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(10);

    public string Name => "proxy";

    public string Title => "The proxy's cost: meeting fan-out through nginx against direct connections";

    private sealed record Arm(string Variant, Guid Meeting, Guid Member, HttpClient[] Writers, ConcurrentDictionary<long, Receipts> Fan, int Clients);

    private sealed record Round(string Variant, double ChangesPerSecond, double DeliveriesPerSecond, double P50, double P99, int Missed,
        double NodesMs, double NginxMs, double PostgresMs, double ClientsMs);

    /// <summary>How many clients had one version, and when the last one got it.</summary>
    private sealed class Receipts(int clients)
    {
        private int _count;
        public readonly TaskCompletionSource Complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add()
        {
            if (Interlocked.Increment(ref _count) == clients) Complete.TrySetResult();
        }
    }

    public async Task<string> RunAsync(BenchContext context)
    {
        if (!NginxProxy.IsInstalled) return $"Not measured: {NginxProxy.NginxPath} is not installed (Debian: apt-get install -y nginx).";
        var clients = context.Quick ? 50 : 500;
        var changes = context.Quick ? 10 : 100;
        var rounds = context.Quick ? 1 : 5;
        var database = await (await context.GetPostgresAsync()).CreateDatabaseAsync("proxy");
        Console.WriteLine("  starting two node processes on one PostgreSQL and nginx in front of them…");
        await using var nodeA = await NodeProcess.StartAsync(database);
        await using var nodeB = await NodeProcess.StartAsync(database);
        await using var nginx = await NginxProxy.StartAsync([nodeA.ServerAddress, nodeB.ServerAddress]);
        var cookie = await nodeA.OrganiserCookieAsync();
        using var httpA = nodeA.NewHttpClient(cookie);
        using var httpB = nodeB.NewHttpClient(cookie);
        using var httpProxy = WebNode.NewHttpClient(nginx.Address, cookie);
        var (directMeeting, directMember) = await MeetingsFanOutScenario.ArrangeAsync(httpA);
        var (proxyMeeting, proxyMember) = await MeetingsFanOutScenario.ArrangeAsync(httpA);
        Arm direct = new("direct to the nodes", directMeeting, directMember, [httpA, httpB], new(), clients);
        Arm proxied = new("through nginx", proxyMeeting, proxyMember, [httpProxy], new(), clients);

        Console.WriteLine($"  connecting {clients} clients to the nodes (half each) and {clients} through nginx…");
        var directConnections = await ConnectAsync(direct, i => new Uri(i % 2 == 0 ? nodeA.ServerAddress : nodeB.ServerAddress, "/hubs/live"), cookie);
        var proxyConnections = await ConnectAsync(proxied, _ => new Uri(nginx.Address, "/hubs/live"), cookie);
        await Task.Delay(1000); // let the presence pushes of the connecting clients settle
        NodeProcess[] nodes = [nodeA, nodeB];
        try
        {
            Console.WriteLine("  warm-up round");
            await RoundAsync(direct, changes, nodes, nginx.Pid);
            await RoundAsync(proxied, changes, nodes, nginx.Pid);
            var results = new List<Round>();
            for (var i = 0; i < rounds; i++)
            {
                Console.WriteLine($"  round {i + 1}/{rounds}");
                results.Add(await RoundAsync(direct, changes, nodes, nginx.Pid));
                results.Add(await RoundAsync(proxied, changes, nodes, nginx.Pid));
            }
            return Report(clients, changes, rounds, results);
        }
        finally
        {
            await HubClients.DisposeAllAsync(directConnections);
            await HubClients.DisposeAllAsync(proxyConnections);
        }
    }

    private static Task<HubConnection[]> ConnectAsync(Arm arm, Func<int, Uri> hub, string cookie)
    {
        var topic = $"meeting:{arm.Meeting}";
        return HubClients.ConnectManyAsync(arm.Clients, 20, async i =>
        {
            var connection = await HubClients.ConnectAsync(hub(i), cookie, "event", envelope =>
            {
                if (envelope.GetProperty("type").GetString() == "AttendanceSet" && envelope.GetProperty("topic").GetString() == topic)
                    arm.Fan.GetOrAdd(envelope.GetProperty("version").GetInt64(), _ => new Receipts(arm.Clients)).Add();
            });
            await connection.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
            return connection;
        });
    }

    /// <summary><paramref name="changes"/> attendance changes, one at a time, each until every client of the arm has it.</summary>
    private static async Task<Round> RoundAsync(Arm arm, int changes, NodeProcess[] nodes, int nginx)
    {
        var latencies = new List<double>();
        var missed = 0;
        var cpuBefore = CpuSampler.Take();
        var nodesBefore = nodes.Sum(n => n.CpuSeconds());
        var nginxBefore = ProcessCpu.WithChildren(nginx);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < changes; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await arm.Writers[i % arm.Writers.Length].PutAsJsonAsync(
                $"/api/meetings/{arm.Meeting}/attendance/{arm.Member}", new { status = i % 2 == 0 ? "remote" : "present" });
            response.EnsureSuccessStatusCode();
            var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
            try
            {
                await arm.Fan.GetOrAdd(version, _ => new Receipts(arm.Clients)).Complete.Task.WaitAsync(ReceiptTimeout);
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                missed++;
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = CpuSampler.Take() - cpuBefore;
        var nodesCpu = nodes.Sum(n => n.CpuSeconds()) - nodesBefore;
        var nginxCpu = ProcessCpu.WithChildren(nginx) - nginxBefore;
        var sorted = latencies.Order().ToArray();
        var round = new Round(arm.Variant, changes / elapsed, changes * arm.Clients / elapsed, Stats.Percentile(sorted, 0.5), Stats.Percentile(sorted, 0.99), missed,
            nodesCpu * 1000 / changes, nginxCpu * 1000 / changes, cpu.Postgres * 1000 / changes, cpu.Process * 1000 / changes);
        Console.WriteLine($"    {round.Variant}: {round.ChangesPerSecond:0.0} changes/s, every client p99 {round.P99:0.0} ms, {missed} missed; " +
            $"CPU per change: nodes {round.NodesMs:0.0} ms, nginx {round.NginxMs:0.0} ms, PostgreSQL {round.PostgresMs:0.0} ms, clients {round.ClientsMs:0.0} ms");
        return round;
    }

    private static string Report(int clients, int changes, int rounds, List<Round> all)
    {
        Round Median(string variant)
        {
            var rs = all.Where(r => r.Variant.StartsWith(variant, StringComparison.Ordinal)).OrderBy(r => r.NodesMs + r.NginxMs + r.PostgresMs).ToList();
            return rs[rs.Count / 2] with { Missed = rs.Sum(r => r.Missed) };
        }
        var direct = Median("direct");
        var proxied = Median("through");
        double Total(Round r) => r.NodesMs + r.NginxMs + r.PostgresMs;
        var ratio = Total(proxied) / Total(direct);
        var table = new MarkdownTable("clients connected", "changes/s (deliveries/s)", "every client p50 / p99", "CPU per change: nodes + nginx + PostgreSQL",
            "CPU per delivery", "clients' CPU per change", "changes missed (all rounds)", "÷ direct");
        foreach (var r in new[] { direct, proxied })
            table.Row($"**{r.Variant}**", $"{r.ChangesPerSecond:0.0} ({r.DeliveriesPerSecond:N0})", $"{r.P50:0.0} / {r.P99:0.0} ms",
                $"{r.NodesMs:0.0} + {r.NginxMs:0.0} + {r.PostgresMs:0.0} = {Total(r):0.0} ms", $"{Total(r) * 1000 / clients:0} µs",
                $"{r.ClientsMs:0.0} ms", $"{r.Missed}", r == direct ? "1.00×" : $"**{ratio:0.00}×**");
        var text = new StringBuilder();
        text.AppendLine($"""
            Two node processes (the Release build of `web/Collaboration.Web`, one Orleans cluster on one PostgreSQL) and Debian's nginx
            in front of them, configured by the repository's `deploy/nginx/concertation.conf` (round robin; only the upstream and listen
            lines rewritten to loopback ports). Two started meetings, each followed by {clients} clients (the official .NET SignalR client,
            WebSockets without negotiation as the browser connects, the organiser's cookie): **direct** — half the clients on each node's
            own address, the changes sent to node A and node B in turn; **through nginx** — every client and every change on the one
            public address (nginx spreads them over both nodes). A change is one member's attendance flipped present ↔ remote
            (`PUT /api/meetings/ID/attendance/MEMBER`, one `AttendanceSet` event committed to PostgreSQL), one at a time, each until all
            {clients} clients have it; {changes} changes a round, rounds of the two interleaved, median of {rounds} pair(s) after a warm-up
            pair. CPU from /proc over each round: the two nodes, nginx (master and worker), PostgreSQL; the clients (the bench process, on
            the same 2 cores) reported apart.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine("Rounds: " + string.Join("; ", all.Select(r => $"{r.Variant} {r.ChangesPerSecond:0.0}/s, {Total(r):0.0} ms CPU")) + ".");
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** nginx itself uses {proxied.NginxMs:0.0} ms of CPU per change, {proxied.NginxMs * 1000 / clients:0} µs per delivery: it
            carries the PUT and copies every WebSocket frame from a node to its client. That is {proxied.NginxMs / Total(direct):P0} of what the
            same change costs with the clients on the nodes' own addresses ({Total(direct):0.0} ms). The ratio of the totals ({ratio:0.00}×) also holds
            the nodes' own CPU, which moves from round to round with the machine's other work (rounds above): nginx's figure is the one to read. Every
            client has the change {proxied.P99:0} ms (p99) after the PUT is sent through nginx, against {direct.P99:0} ms direct.
            """);
        return text.ToString();
    }
}
