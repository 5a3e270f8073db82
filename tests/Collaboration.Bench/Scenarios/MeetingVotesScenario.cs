using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;
using Collaboration.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// A vote of 200 members through two web nodes on PostgreSQL: each member holds an official .NET SignalR client on their
/// node (half on each) and votes over HTTP through it, all at once; timed from the last ballot sent until every client
/// has the final tally (the <c>BallotCast</c> event counting 200 ballots; the ballots of one write travel as one event, so
/// a round sends each client a few of them, counted). Baseline in the same run, interleaved: a bare SignalR hub where 200
/// concurrent POSTs each broadcast one message to 200 clients (40,000 deliveries: what the product sent before ballots
/// were merged). CPU per ballot beside each. Target: p99 ≤ 100 ms.
/// </summary>
internal sealed class MeetingVotesScenario : IScenario
{
    public const int Members = 200;
    public const double TargetP99Ms = 100;
    private const int WarmUpRounds = 5;
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] Choices = ["for", "against", "abstain"];

    public string Name => "votes";

    public string Title => "A vote of 200 members through two nodes";

    /// <summary>When each client had the round's final message.</summary>
    private sealed class Round(string key)
    {
        public readonly string Key = key;
        public readonly long[] At = new long[Members];
        public readonly int[] Seen = new int[Members];
        public int Done;
        public int Messages; // the round's messages the first client received
        public readonly TaskCompletionSource Complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finished(int client, long now)
        {
            if (Interlocked.CompareExchange(ref At[client], now, 0) != 0) return;
            if (Interlocked.Increment(ref Done) == Members) Complete.TrySetResult();
        }
    }

    /// <param name="LastAnsweredMs">From the last call sent until the last call had its HTTP answer.</param>
    /// <param name="FirstClientMs">From the last call sent until the first client had the round's final message.</param>
    /// <param name="CpuMsPerBallot">The servers' CPU per call: both node processes and PostgreSQL (the bare hub: this process).</param>
    /// <param name="ClientsMsPerBallot">This process's CPU per call: the clients (and, for the bare hub, the hub itself).</param>
    private sealed record Sample(double EveryClientMs, double LastAnsweredMs, double FirstClientMs, double CpuMsPerBallot, double ClientsMsPerBallot,
        int MessagesPerClient, double GcPauseMs);

    public async Task<string> RunAsync(BenchContext context)
    {
        var rounds = context.Quick ? 3 : 20;
        var cluster = await context.GetPostgresAsync();
        Console.WriteLine("  starting two web nodes (processes of their own) on one PostgreSQL, and the bare hub…");
        var builds = new List<Cluster> { await Cluster.StartAsync("this build", await cluster.CreateDatabaseAsync("votes"), null) };
        if (NodeProcess.BeforeBuild is { } before)
        {
            Console.WriteLine($"  starting two web nodes of the build in {before}…");
            builds.Add(await Cluster.StartAsync("before", await cluster.CreateDatabaseAsync("votes_before"), before));
        }
        await using var bare = await BareHubServer.StartAsync();
        try
        {
            ConcurrentDictionary<string, Round> baseline = new();
            var baselineConnections = await HubClients.ConnectManyAsync(Members, 20, i => HubClients.ConnectAsync(bare.HubUrl, null, "event", envelope =>
            {
                var now = Stopwatch.GetTimestamp();
                if (baseline.TryGetValue(envelope.GetProperty("round").GetString()!, out var round) && Interlocked.Increment(ref round.Seen[i]) == Members)
                    round.Finished(i, now);
            }));
            using var bareHttp = new HttpClient { BaseAddress = bare.Address };
            await Task.Delay(1000); // presence pushes of the connecting clients settle

            var baselineSamples = new List<Sample>();
            var baselineMissing = 0;
            Console.WriteLine($"  {WarmUpRounds} warm-up and {rounds} measured rounds…");
            NodeJit.Settling? settled = null;
            for (var r = 0; r < rounds + WarmUpRounds; r++)
            {
                if (r == WarmUpRounds)
                {
                    settled = await NodeJit.SettleAsync([.. builds.SelectMany(b => b.Nodes)], NodeJit.LongestSettling);
                    Console.WriteLine($"  {settled}");
                    foreach (var build in builds) await build.StartMeasuringAsync();
                }
                // The builds take turns going first, so neither always follows the bare hub's round.
                foreach (var build in r % 2 == 0 ? builds : Enumerable.Reverse(builds))
                {
                    await build.RoundAsync(r, measured: r >= WarmUpRounds);
                    await Task.Delay(200);
                }

                // Baseline: 200 concurrent POSTs, each broadcast by the bare hub to its 200 clients.
                var key = $"bare-{r}";
                var bareRound = baseline[key] = new Round(key);
                var bareSample = await TimeAsync(bareRound, null, () => Enumerable.Range(0, Members).Select(k => (Func<Task>)(async () =>
                {
                    using var content = new StringContent(JsonSerializer.Serialize(new { topic = "meeting:bare", round = key, version = k, type = "BallotCast" }), Encoding.UTF8, "application/json");
                    (await bareHttp.PostAsync("/broadcast", content)).EnsureSuccessStatusCode();
                })));
                if (bareSample is null) baselineMissing += r >= WarmUpRounds ? 1 : 0;
                else if (r >= WarmUpRounds) baselineSamples.Add(bareSample with { MessagesPerClient = Members });
                await Task.Delay(200);
            }
            foreach (var build in builds) await build.StopMeasuringAsync(rounds);
            var product = builds[0];
            Console.WriteLine($"    product: every-client p99 {P(product.Samples, s => s.EveryClientMs, 0.99):0.0} ms, {product.Missing} rounds missed; " +
                              $"bare hub: {P(baselineSamples, s => s.EveryClientMs, 0.99):0.0} ms, {baselineMissing} missed");
            await HubClients.DisposeAllAsync(baselineConnections);
            return Report(rounds, builds, baselineSamples, baselineMissing, settled!);
        }
        finally
        {
            foreach (var build in builds) await build.DisposeAsync();
        }
    }

    /// <summary>One build's two nodes on their own database, with the chair, the meeting and its 200 members' clients.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly NodeProcess[] _nodes;

        public IReadOnlyList<NodeProcess> Nodes => _nodes;
        private readonly string _database;
        private HttpClient _chair = null!;
        private string _meetingId = "";
        private List<Member> _members = [];
        private HubConnection[] _connections = [];
        private readonly ConcurrentDictionary<string, Round> _rounds = new();
        private NodeJit.Compiled _jitBefore;

        private Cluster(string name, string database, NodeProcess[] nodes)
        {
            Name = name;
            _database = database;
            _nodes = nodes;
        }

        public string Name { get; }

        public List<Sample> Samples { get; } = [];

        public int Missing { get; private set; }

        /// <summary>Methods the two nodes compiled during the measured rounds, and the seconds their JIT took.</summary>
        public NodeJit.Compiled Jit { get; private set; }

        public static async Task<Cluster> StartAsync(string name, string database, string? build)
        {
            var nodes = new[] { await NodeProcess.StartAsync(database, build), await NodeProcess.StartAsync(database, build) };
            var cluster = new Cluster(name, database, nodes);
            if (Environment.GetEnvironmentVariable("BENCH_PRINT_PIDS") is not null) Console.WriteLine($"  {name}: node pids {nodes[0].Pid} {nodes[1].Pid}");
            Console.WriteLine($"  {name}: {Members} members sign in, half on each node, and open their SignalR client there…");
            cluster._chair = nodes[0].NewHttpClient(await nodes[0].OrganiserCookieAsync());
            (cluster._meetingId, cluster._members) = await ArrangeAsync(cluster._chair, nodes);
            await cluster.ConnectAsync();
            return cluster;
        }

        private async Task ConnectAsync()
        {
            var topic = $"meeting:{_meetingId}";
            _connections = await HubClients.ConnectManyAsync(Members, 20, async i =>
            {
                var connection = await HubClients.ConnectAsync(_nodes[i % 2].HubUrl, _members[i].Cookie, "event", envelope =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (envelope.GetProperty("type").GetString() != "BallotCast" || envelope.GetProperty("topic").GetString() != topic) return;
                    var data = envelope.GetProperty("data");
                    if (i == 0 && _rounds.TryGetValue(data.GetProperty("motionId").GetString()!, out var counted)) Interlocked.Increment(ref counted.Messages);
                    if (data.GetProperty("tally").GetProperty("ballots").GetInt32() == Members &&
                        _rounds.TryGetValue(data.GetProperty("motionId").GetString()!, out var round)) round.Finished(i, now);
                });
                await connection.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
                return connection;
            });
        }

        private double NodesCpu() => _nodes.Sum(n => n.CpuSeconds());

        public async Task StartMeasuringAsync()
        {
            await PostgresStatements.ResetAsync(_database);
            _jitBefore = await NodeJit.SoFarAsync(_nodes);
        }

        public async Task StopMeasuringAsync(int rounds)
        {
            Jit = await NodeJit.SoFarAsync(_nodes) - _jitBefore;
            Console.Write(await PostgresStatements.ReportAsync(_database, rounds * Members));
        }

        /// <summary>A motion opened by the chair, 200 ballots at once, each through the member's own node; the chair closes it.</summary>
        public async Task RoundAsync(int r, bool measured)
        {
            var motionId = (await PostAsync(_chair, $"/api/meetings/{_meetingId}/motions", new
            {
                text = $"la Table adopte la résolution {r + 1}", proposerId = _members[0].Id, seconderId = _members[1].Id, kind = "open", totalsVisible = true,
            })).GetProperty("current").GetProperty("id").GetString()!;
            var round = _rounds[motionId] = new Round(motionId);
            var sample = await TimeAsync(round, NodesCpu, () => _members.Select((m, i) => (Func<Task>)(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{_meetingId}/motions/{motionId}/ballot")
                {
                    Content = JsonContent.Create(new { choice = Choices[i % 3] }),
                };
                request.Headers.Add("Cookie", m.Cookie);
                (await m.Http.SendAsync(request)).EnsureSuccessStatusCode();
            })));
            if (sample is null) Missing += measured ? 1 : 0; // a warm-up round may wait for the cluster to settle
            else if (measured) Samples.Add(sample with { MessagesPerClient = Volatile.Read(ref round.Messages) });
            await PostAsync(_chair, $"/api/meetings/{_meetingId}/motions/{motionId}/close", null);
        }

        public async ValueTask DisposeAsync()
        {
            await HubClients.DisposeAllAsync(_connections);
            foreach (var m in _members) m.Http.Dispose();
            _chair?.Dispose();
            foreach (var node in _nodes) await node.DisposeAsync();
        }
    }

    private sealed record Member(string Id, string Cookie, HttpClient Http);

    /// <summary>Sends every call at once; times from the last one sent until every client has the round's final message; CPU per call.</summary>
    /// <param name="nodesCpuSeconds">The node processes' CPU so far; null for the bare hub, which runs in this process.</param>
    private static async Task<Sample?> TimeAsync(Round round, Func<double>? nodesCpuSeconds, Func<IEnumerable<Func<Task>>> calls)
    {
        var cpu = CpuSampler.Take();
        var nodesCpu = nodesCpuSeconds?.Invoke() ?? 0;
        var paused = GC.GetTotalPauseDuration();
        long lastSent = 0, lastAnswered = 0;
        var sending = calls().Select(call => Task.Run(async () =>
        {
            InterlockedMax(ref lastSent, Stopwatch.GetTimestamp());
            await call();
            InterlockedMax(ref lastAnswered, Stopwatch.GetTimestamp());
        })).ToList();
        try
        {
            await Task.WhenAll(sending).WaitAsync(ReceiptTimeout);
            await round.Complete.Task.WaitAsync(ReceiptTimeout);
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"    round {round.Key}: {round.Done}/{Members} clients had the final message within {ReceiptTimeout.TotalSeconds:0} s");
            return null;
        }
        var used = CpuSampler.Take() - cpu;
        double Since(long at) => (at - lastSent) * 1000.0 / Stopwatch.Frequency;
        var servers = nodesCpuSeconds is null ? used.Process + used.Postgres : nodesCpuSeconds() - nodesCpu + used.Postgres;
        return new Sample(Since(round.At.Max()), Since(lastAnswered), Since(round.At.Min()), servers * 1000.0 / Members, used.Process * 1000.0 / Members, 0,
            (GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }

    private static async Task<(string Meeting, List<Member> Members)> ArrangeAsync(HttpClient chair, NodeProcess[] nodes)
    {
        var tableId = (await PostAsync(chair, "/api/tables", new { name = "Table du banc d'essai (votes)", quorum = Members / 2 + 1 })).GetProperty("id").GetString()!;
        var added = new List<(string Id, string Token)>();
        for (var i = 0; i < Members; i++)
        {
            var member = await PostAsync(chair, $"/api/tables/{tableId}/members", new { name = $"Membre {i + 1:000}", sector = "autre", email = $"membre-{i}-{Guid.NewGuid():N}@exemple.qc.ca" });
            var link = member.GetProperty("signInLink").GetString()!;
            added.Add((member.GetProperty("memberId").GetString()!, link[(link.IndexOf("#t=", StringComparison.Ordinal) + 3)..]));
        }
        var meetingId = (await PostAsync(chair, "/api/meetings", new
        {
            tableId, title = "Rencontre du banc d'essai (votes)", startsAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        })).GetProperty("id").GetString()!;
        await PostAsync(chair, $"/api/meetings/{meetingId}/agenda", new { title = "Résolutions", plannedMinutes = 60 }); // motions go on the current item
        await PostAsync(chair, $"/api/meetings/{meetingId}/start", null);
        var members = new List<Member>();
        for (var i = 0; i < Members; i++)
        {
            var http = nodes[i % 2].NewHttpClient();
            var signIn = await http.PostAsJsonAsync("/api/tables/sign-in", new { token = added[i].Token });
            signIn.EnsureSuccessStatusCode();
            members.Add(new Member(added[i].Id, WebNode.CookieOf(signIn), http));
        }
        foreach (var m in members)
            (await chair.PutAsJsonAsync($"/api/meetings/{meetingId}/attendance/{m.Id}", new { status = "present" })).EnsureSuccessStatusCode();
        return (meetingId, members);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static double P(List<Sample> samples, Func<Sample, double> pick, double p) =>
        Stats.Percentile(samples.Select(pick).Order().ToArray(), p);

    private static string Report(int rounds, List<Cluster> builds, List<Sample> baseline, int baselineMissing, NodeJit.Settling settled)
    {
        var (product, productMissing, jit) = (builds[0].Samples, builds[0].Missing, builds[0].Jit);
        var p99 = P(product, s => s.EveryClientMs, 0.99);
        var met = p99 <= TargetP99Ms && productMissing == 0;
        var messages = Stats.Median(product.Select(s => (double)s.MessagesPerClient));
        var table = new MarkdownTable("", "last ballot sent → tally on every client, p50 / p99", "CPU per ballot (median): servers; clients",
            "messages per client per round (median, min–max)", "rounds missed", $"target p99 ≤ {TargetP99Ms:0} ms");
        table.Row($"vote of {Members} members, official .NET SignalR clients over two nodes",
            $"{P(product, s => s.EveryClientMs, 0.5):0.0} / {p99:0.0} ms", $"{Stats.Median(product.Select(s => s.CpuMsPerBallot)):0.00} ms (both nodes + PostgreSQL); {Stats.Median(product.Select(s => s.ClientsMsPerBallot)):0.00} ms",
            $"{messages:0} ({product.Select(s => s.MessagesPerClient).DefaultIfEmpty().Min()}–{product.Select(s => s.MessagesPerClient).DefaultIfEmpty().Max()}) `BallotCast`",
            $"{productMissing}", met ? "**met**" : "**missed**");
        foreach (var before in builds.Skip(1))
            table.Row("the same, on the build before this change (`BENCH_BEFORE_BUILD`)",
                $"{P(before.Samples, s => s.EveryClientMs, 0.5):0.0} / {P(before.Samples, s => s.EveryClientMs, 0.99):0.0} ms",
                $"{Stats.Median(before.Samples.Select(s => s.CpuMsPerBallot)):0.00} ms (both nodes + PostgreSQL); {Stats.Median(before.Samples.Select(s => s.ClientsMsPerBallot)):0.00} ms",
                $"{Stats.Median(before.Samples.Select(s => (double)s.MessagesPerClient)):0} `BallotCast`", $"{before.Missing}", "");
        table.Row($"bare SignalR hub: {Members} broadcasts to {Members} clients (baseline)",
            $"{P(baseline, s => s.EveryClientMs, 0.5):0.0} / {P(baseline, s => s.EveryClientMs, 0.99):0.0} ms",
            $"{Stats.Median(baseline.Select(s => s.CpuMsPerBallot)):0.00} ms per broadcast (hub and clients: one process)", $"{Members}", $"{baselineMissing}", "");

        var text = new StringBuilder();
        text.AppendLine($"""
            One meeting, {Members} members present, each signed in with their own link and holding the **official .NET SignalR
            client** (Microsoft.AspNetCore.SignalR.Client 10.0.15, WebSockets, `Subscribe(meeting:ID, null)`) on **their own node,
            half on each of two web nodes** ({NodeProcess.BuildDescription}, each a process of its own co-hosting a silo, Production
            settings, loopback; one Orleans cluster on one PostgreSQL); the clients run in this process. A round: the chair opens an open motion with totals shown; the {Members} members vote **at once**, each a
            `PUT /api/meetings/ID/motions/MOTION/ballot` through their own node; the ballots arriving while the meeting grain writes
            share its next write (group commit), and **the ballots of one write go out as one `BallotCast`** (the tally after the
            last, naming nobody), so each client gets a few messages per round, not {Members} (counted at the first client); the chair
            closes the motion. {rounds} rounds
            after {WarmUpRounds} warm-up ones. Timed **from the last ballot sent** (the latest of the {Members} send times) **until the last
            client has the final tally** (the `BallotCast` counting {Members} ballots); one sample per round, so the p99 of {rounds} is the worst
            round or so. CPU per ballot, over the round, divided by {Members}: the two node processes' and PostgreSQL's (from /proc),
            and apart, this process's (the clients).{(builds.Count > 1 ? " With `BENCH_BEFORE_BUILD`, two more nodes of the build before run on a database of their own, with their own meeting and members, the two builds' rounds taking turns going first." : "")}

            **Baseline, same run, interleaved round by round**: a bare ASP.NET Core SignalR hub (no grain, no storage, no auth) in
            this process with its {Members} clients (same .NET client); {Members} concurrent `POST /broadcast`, each sending one message to all
            its clients with `Clients.All.SendAsync` — {Members * Members:N0} deliveries (what the product sent before the ballots of one
            write were merged) with nothing in front; timed from the last
            POST sent until every client has all {Members}.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine($"Rounds, last ballot sent → tally on every client (in brackets, this process's GC pauses during the round): product " +
                        $"{string.Join(", ", product.Select(s => $"{s.EveryClientMs:0} ({s.GcPauseMs:0})"))} ms; " +
                        $"bare hub {string.Join(", ", baseline.Select(s => $"{s.EveryClientMs:0} ({s.GcPauseMs:0})"))} ms.");
        text.AppendLine();
        foreach (var before in builds.Skip(1))
        {
            text.AppendLine($"Rounds of the build before: {string.Join(", ", before.Samples.Select(s => $"{s.EveryClientMs:0}"))} ms. This build ÷ the build " +
                            $"before, round by round, CPU per ballot (servers): {string.Join(", ", product.Zip(before.Samples, (a, b) => $"{a.CpuMsPerBallot / b.CpuMsPerBallot:0.00}×"))} " +
                            $"(median {Stats.Median(product.Zip(before.Samples, (a, b) => a.CpuMsPerBallot / b.CpuMsPerBallot)):0.00}×); " +
                            $"last ballot sent → tally on every client: median {Stats.Median(product.Zip(before.Samples, (a, b) => a.EveryClientMs / b.EveryClientMs)):0.00}×. " +
                            $"The build before compiled {before.Jit} during the measured rounds.");
            text.AppendLine();
        }
        text.AppendLine($"After the warm-up rounds the bench {settled}; during the measured rounds the two nodes still compiled {jit}.");
        text.AppendLine();
        text.AppendLine($"Where a round's time goes (medians, from the last call sent): the last call answered over HTTP after " +
                        $"{Stats.Median(product.Select(s => s.LastAnsweredMs)):0} ms (bare hub {Stats.Median(baseline.Select(s => s.LastAnsweredMs)):0} ms); " +
                        $"the first client had the final tally after {Stats.Median(product.Select(s => s.FirstClientMs)):0} ms, the last after " +
                        $"{Stats.Median(product.Select(s => s.EveryClientMs)):0} ms (bare hub: its first client had all {Members} messages after " +
                        $"{Stats.Median(baseline.Select(s => s.FirstClientMs)):0} ms, its last after {Stats.Median(baseline.Select(s => s.EveryClientMs)):0} ms).");
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** {(met ? "Target met" : "Target missed")}: after the last of {Members} ballots leaves its member, every client on both
            nodes shows the final tally {P(product, s => s.EveryClientMs, 0.5):0} ms (p50) / {p99:0} ms (p99) later, against
            {P(baseline, s => s.EveryClientMs, 0.5):0} / {P(baseline, s => s.EveryClientMs, 0.99):0} ms for a bare hub delivering {Members} messages to each
            client. The product sends each client {messages:0} `BallotCast` per round (median), since the ballots of one write are one
            event, so what it adds is no longer the deliveries: it is the HTTP call and permission check of each ballot, the grain's
            durable writes (one at a time, each carrying the ballots that came meanwhile), and the relay's hop to the other node.
            """);
        return text.ToString();
    }
}
