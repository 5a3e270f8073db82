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
        var database = await cluster.CreateDatabaseAsync("votes");
        Console.WriteLine("  starting two web nodes (processes of their own) on one PostgreSQL, and the bare hub…");
        await using var nodeA = await NodeProcess.StartAsync(database);
        await using var nodeB = await NodeProcess.StartAsync(database);
        await using var bare = await BareHubServer.StartAsync();
        var nodes = new[] { nodeA, nodeB };
        if (Environment.GetEnvironmentVariable("BENCH_PRINT_PIDS") is not null) Console.WriteLine($"  node pids: {nodeA.Pid} {nodeB.Pid}");
        double NodesCpu() => nodeA.CpuSeconds() + nodeB.CpuSeconds();

        Console.WriteLine($"  {Members} members sign in, half on each node, and open their SignalR client there…");
        using var chair = nodeA.NewHttpClient(await nodeA.OrganiserCookieAsync());
        var (meetingId, members) = await ArrangeAsync(chair, nodes);
        var topic = $"meeting:{meetingId}";
        ConcurrentDictionary<string, Round> product = new(), baseline = new();
        var productConnections = await HubClients.ConnectManyAsync(Members, 20, async i =>
        {
            var connection = await HubClients.ConnectAsync(nodes[i % 2].HubUrl, members[i].Cookie, "event", envelope =>
            {
                var now = Stopwatch.GetTimestamp();
                if (envelope.GetProperty("type").GetString() != "BallotCast" || envelope.GetProperty("topic").GetString() != topic) return;
                var data = envelope.GetProperty("data");
                if (i == 0 && product.TryGetValue(data.GetProperty("motionId").GetString()!, out var counted)) Interlocked.Increment(ref counted.Messages);
                if (data.GetProperty("tally").GetProperty("ballots").GetInt32() == Members &&
                    product.TryGetValue(data.GetProperty("motionId").GetString()!, out var round)) round.Finished(i, now);
            });
            await connection.InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
            return connection;
        });
        var baselineConnections = await HubClients.ConnectManyAsync(Members, 20, i => HubClients.ConnectAsync(bare.HubUrl, null, "event", envelope =>
        {
            var now = Stopwatch.GetTimestamp();
            if (baseline.TryGetValue(envelope.GetProperty("round").GetString()!, out var round) && Interlocked.Increment(ref round.Seen[i]) == Members)
                round.Finished(i, now);
        }));
        using var bareHttp = new HttpClient { BaseAddress = bare.Address };
        await Task.Delay(1000); // presence pushes of the connecting clients settle

        var productSamples = new List<Sample>();
        var baselineSamples = new List<Sample>();
        int productMissing = 0, baselineMissing = 0;
        Console.WriteLine($"  {WarmUpRounds} warm-up and {rounds} measured rounds…");
        var jitBefore = Array.Empty<(long Methods, double Seconds)>();
        for (var r = 0; r < rounds + WarmUpRounds; r++)
        {
            if (r == WarmUpRounds)
            {
                await PostgresStatements.ResetAsync(database);
                jitBefore = await Task.WhenAll(nodes.Select(n => n.JitSoFarAsync()));
            }
            // Product: a motion opened by the chair, 200 ballots at once, each through the member's own node.
            var motionId = (await PostAsync(chair, $"/api/meetings/{meetingId}/motions", new
            {
                text = $"la Table adopte la résolution {r + 1}", proposerId = members[0].Id, seconderId = members[1].Id, kind = "open", totalsVisible = true,
            })).GetProperty("current").GetProperty("id").GetString()!;
            var round = product[motionId] = new Round(motionId);
            var sample = await TimeAsync(round, NodesCpu, () => members.Select((m, i) => (Func<Task>)(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{meetingId}/motions/{motionId}/ballot")
                {
                    Content = JsonContent.Create(new { choice = Choices[i % 3] }),
                };
                request.Headers.Add("Cookie", m.Cookie);
                (await m.Http.SendAsync(request)).EnsureSuccessStatusCode();
            })));
            if (sample is null) productMissing += r >= WarmUpRounds ? 1 : 0; // a warm-up round may wait for the cluster to settle
            else if (r >= WarmUpRounds) productSamples.Add(sample with { MessagesPerClient = Volatile.Read(ref round.Messages) });
            await PostAsync(chair, $"/api/meetings/{meetingId}/motions/{motionId}/close", null);
            await Task.Delay(200);

            // Baseline: 200 concurrent POSTs, each broadcast by the bare hub to its 200 clients.
            var key = $"bare-{r}";
            var bareRound = baseline[key] = new Round(key);
            var bareSample = await TimeAsync(bareRound, null, () => Enumerable.Range(0, Members).Select(k => (Func<Task>)(async () =>
            {
                using var content = new StringContent(JsonSerializer.Serialize(new { topic, round = key, version = k, type = "BallotCast" }), Encoding.UTF8, "application/json");
                (await bareHttp.PostAsync("/broadcast", content)).EnsureSuccessStatusCode();
            })));
            if (bareSample is null) baselineMissing += r >= WarmUpRounds ? 1 : 0;
            else if (r >= WarmUpRounds) baselineSamples.Add(bareSample with { MessagesPerClient = Members });
            await Task.Delay(200);
        }
        var jitAfter = await Task.WhenAll(nodes.Select(n => n.JitSoFarAsync()));
        var jit = (Methods: jitAfter.Zip(jitBefore, (a, b) => a.Methods - b.Methods).Sum(), Seconds: jitAfter.Zip(jitBefore, (a, b) => a.Seconds - b.Seconds).Sum());
        Console.Write(await PostgresStatements.ReportAsync(database, rounds * Members));
        Console.WriteLine($"    product: every-client p99 {P(productSamples, s => s.EveryClientMs, 0.99):0.0} ms, {productMissing} rounds missed; " +
                          $"bare hub: {P(baselineSamples, s => s.EveryClientMs, 0.99):0.0} ms, {baselineMissing} missed");
        await HubClients.DisposeAllAsync(productConnections);
        await HubClients.DisposeAllAsync(baselineConnections);
        foreach (var m in members) m.Http.Dispose();
        return Report(rounds, productSamples, baselineSamples, productMissing, baselineMissing, jit);
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

    private static string Report(int rounds, List<Sample> product, List<Sample> baseline, int productMissing, int baselineMissing,
        (long Methods, double Seconds) jit)
    {
        var p99 = P(product, s => s.EveryClientMs, 0.99);
        var met = p99 <= TargetP99Ms && productMissing == 0;
        var messages = Stats.Median(product.Select(s => (double)s.MessagesPerClient));
        var table = new MarkdownTable("", "last ballot sent → tally on every client, p50 / p99", "CPU per ballot (median): servers; clients",
            "messages per client per round (median, min–max)", "rounds missed", $"target p99 ≤ {TargetP99Ms:0} ms");
        table.Row($"vote of {Members} members, official .NET SignalR clients over two nodes",
            $"{P(product, s => s.EveryClientMs, 0.5):0.0} / {p99:0.0} ms", $"{Stats.Median(product.Select(s => s.CpuMsPerBallot)):0.00} ms (both nodes + PostgreSQL); {Stats.Median(product.Select(s => s.ClientsMsPerBallot)):0.00} ms",
            $"{messages:0} ({product.Select(s => s.MessagesPerClient).DefaultIfEmpty().Min()}–{product.Select(s => s.MessagesPerClient).DefaultIfEmpty().Max()}) `BallotCast`",
            $"{productMissing}", met ? "**met**" : "**missed**");
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
            share its next write (group commit), and **the ballots of one write go out as one `BallotCast`** (every vote in it, the
            tally after the last), so each client gets a few messages per round, not {Members} (counted at the first client); the chair
            closes the motion. {rounds} rounds
            after {WarmUpRounds} warm-up ones. Timed **from the last ballot sent** (the latest of the {Members} send times) **until the last
            client has the final tally** (the `BallotCast` counting {Members} ballots); one sample per round, so the p99 of {rounds} is the worst
            round or so. CPU per ballot, over the round, divided by {Members}: the two node processes' and PostgreSQL's (from /proc),
            and apart, this process's (the clients).

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
        text.AppendLine($"During the measured rounds the two nodes still compiled {jit.Methods:N0} methods ({jit.Seconds:0.0} s in the JIT, " +
                        "the runtime's own count): code run too seldom in the warm-up to be optimised yet (a motion's view and wording, " +
                        "a session's periodic check), as a node does once in its life.");
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
