using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Scenario: what a second node costs. The same workshop registrations over HTTP
/// (<c>POST /api/workshops/{id}/registrations</c>, the public form's call, email included) on a cluster of ONE node
/// process and on a cluster of TWO node processes (clients split across both), rounds interleaved in the same run.
/// The figure is CPU per registration — the nodes' processes and PostgreSQL, read from /proc, clients excluded — from
/// the first request until the last confirmation email is in the pickup folder. Target (issue 18): two nodes ≤ 1.10×
/// one node.
/// </summary>
internal sealed class SecondNodeScenario : IScenario
{
    public const int Clients = 32;
    public const int Registrations = 1_500;
    public const int Sessions = 10;
    public const double Target = 1.10;

    public string Name => "second-node";

    public string Title => "What a second node costs: workshop registrations over HTTP, two nodes against one";

    internal sealed record Round(string Variant, double PerSecond, double P99, int Errors, double NodesMs, double PostgresMs, double ClientsMs, double OtherSeconds, double? MailSeconds);

    internal sealed record Cluster(string Variant, NodeProcess[] Nodes, HttpClient Organiser, HttpClient[] Clients);

    public async Task<string> RunAsync(BenchContext context)
    {
        var postgres = await context.GetPostgresAsync();
        var oneDb = await postgres.CreateDatabaseAsync("second_node_one");
        var twoDb = await postgres.CreateDatabaseAsync("second_node_two");
        Console.WriteLine("  starting one node process, then a cluster of two…");
        var single = await NodeProcess.StartAsync(oneDb);
        var nodeA = await NodeProcess.StartAsync(twoDb);
        var nodeB = await NodeProcess.StartAsync(twoDb);
        try
        {
            if (Environment.GetEnvironmentVariable("BENCH_PRINT_PIDS") is not null)
                Console.WriteLine($"  node pids: one {single.Pid}; two {nodeA.Pid} {nodeB.Pid}");
            Cluster one = new("one node", [single], single.NewHttpClient(await single.OrganiserCookieAsync()), [single.NewHttpClient()]);
            Cluster two = new("two nodes", [nodeA, nodeB], nodeA.NewHttpClient(await nodeA.OrganiserCookieAsync()), [nodeA.NewHttpClient(), nodeB.NewHttpClient()]);

            var results = new List<Round>();
            // A round takes two or three seconds, and the ratio swings by a fifth from one pair to the next on a shared machine:
            // eleven pairs, so its median says more than the five the other scenarios take. Two nodes share the calls, so
            // each reaches the JIT's steady state later than one node: up to sixteen warm-up pairs (eight left the two
            // nodes compiling three times the one node's methods in the measured rounds).
            var (rounds, lastWarmUp) = await (BurstRounds.For(context) is var usual && context.Quick ? usual : usual with { Measured = 11, MostWarmUps = 16 }).WarmUpAsync([single, nodeA, nodeB], async () =>
            {
                await RoundAsync(one);
                await RoundAsync(two);
            });
            var settled = await NodeJit.SettleAsync([single, nodeA, nodeB], NodeJit.LongestSettling);
            Console.WriteLine($"  {settled}");
            var idle = await IdleAsync([single], [nodeA, nodeB]);
            await PostgresStatements.ResetAsync(oneDb);
            await PostgresStatements.ResetAsync(twoDb);
            var (oneBefore, twoBefore) = (await NodeJit.SoFarAsync([single]), await NodeJit.SoFarAsync([nodeA, nodeB]));
            for (var i = 0; i < rounds.Measured; i++)
            {
                Console.WriteLine($"  round {i + 1}/{rounds.Measured}");
                foreach (var cluster in BurstRounds.InTurn([one, two], i)) results.Add(await RoundAsync(cluster));
            }
            var (oneJit, twoJit) = (await NodeJit.SoFarAsync([single]) - oneBefore, await NodeJit.SoFarAsync([nodeA, nodeB]) - twoBefore);
            foreach (var (variant, database) in new[] { ("one node", oneDb), ("two nodes", twoDb) })
                Console.Write($"  PostgreSQL, {variant}:\n" + await PostgresStatements.ReportAsync(database, rounds.Measured * Registrations));
            var jit = $"After {rounds.WarmUpDescription(lastWarmUp)} (a round: one of each cluster), the bench {settled}; during the measured rounds the one node still compiled {oneJit}, the two nodes {twoJit}.";
            return Report(rounds, results, idle, jit);
        }
        finally
        {
            await single.DisposeAsync();
            await nodeA.DisposeAsync();
            await nodeB.DisposeAsync();
        }
    }

    /// <summary>One round of registrations on <paramref name="cluster"/>: rate, p99 and CPU per registration (the tracing scenario uses it too).</summary>
    internal static async Task<Round> RoundAsync(Cluster cluster)
    {
        var sessions = new List<Guid>();
        for (var s = 0; s < Sessions; s++)
        {
            var starts = DateTimeOffset.UtcNow.AddDays(20 + s);
            var created = await cluster.Organiser.PostAsJsonAsync("/api/workshops", new
            {
                titleFr = $"Atelier de charge {s}", titleEn = $"Load workshop {s}", startsAt = starts, endsAt = starts.AddHours(3),
                place = "Joliette", capacity = 10_000,
            });
            created.EnsureSuccessStatusCode();
            sessions.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var mailsBefore = Mails();
        var cpuBefore = CpuSampler.Take();
        var nodesBefore = cluster.Nodes.Sum(n => n.CpuSeconds());
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var http = cluster.Clients[client % cluster.Clients.Length];
            int i;
            while ((i = Interlocked.Increment(ref next)) < Registrations)
            {
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync($"/api/workshops/{sessions[i % Sessions]}/registrations", new
                {
                    organisation = $"Entreprise {i}", contactName = "Contact", email = $"employeur{i}-{Guid.NewGuid():N}@exemple.qc.ca",
                    seats = 1, sector = "Fabrication", consent = true,
                });
                if (response.IsSuccessStatusCode) latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                else Interlocked.Increment(ref errors);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        double? mailSeconds = null;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Mails() - mailsBefore >= Registrations - errors)
            {
                mailSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                break;
            }
            await Task.Delay(20);
        }
        var cpu = CpuSampler.Take() - cpuBefore;
        var nodes = cluster.Nodes.Sum(n => n.CpuSeconds()) - nodesBefore;
        var sorted = latencies.Order().ToArray();
        var round = new Round(cluster.Variant, Registrations / elapsed.TotalSeconds, Stats.Percentile(sorted, 0.99), errors,
            nodes * 1000 / Registrations, cpu.Postgres * 1000 / Registrations, cpu.Process * 1000 / Registrations, Math.Max(0, cpu.Other - nodes), mailSeconds);
        Console.WriteLine($"    {round.Variant}: {round.PerSecond:N0}/s, p99 {round.P99:0} ms, {errors} errors, CPU/registration {round.NodesMs:0.00} ms nodes + " +
            $"{round.PostgresMs:0.00} ms PostgreSQL, clients {round.ClientsMs:0.00} ms, emails out after {(mailSeconds is { } m ? $"{m:0.0} s" : "more than 120 s")}");
        return round;
    }

    /// <summary>What the nodes spend with no request at all (ms of CPU per second of each cluster), measured between the warm-up and the measured rounds.</summary>
    internal sealed record Idle(double OneNodeMsPerSecond, double TwoNodesMsPerSecond);

    private static async Task<Idle> IdleAsync(NodeProcess[] one, NodeProcess[] two)
    {
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last round's emails and after-commit deliveries settle
        var window = TimeSpan.FromSeconds(10);
        var before = (One: one.Sum(n => n.CpuSeconds()), Two: two.Sum(n => n.CpuSeconds()));
        await Task.Delay(window);
        var idle = new Idle((one.Sum(n => n.CpuSeconds()) - before.One) * 1000 / window.TotalSeconds,
            (two.Sum(n => n.CpuSeconds()) - before.Two) * 1000 / window.TotalSeconds);
        Console.WriteLine($"    idle: one node {idle.OneNodeMsPerSecond:0.0} ms of CPU a second, two nodes {idle.TwoNodesMsPerSecond:0.0}");
        return idle;
    }

    private static int Mails() =>
        Directory.Exists(WebNode.MailPickupDirectory) ? Directory.EnumerateFiles(WebNode.MailPickupDirectory, "*.eml").Count() : 0;

    private static string Report(BurstRounds rounds, List<Round> all, Idle idle, string jit)
    {
        Round Median(string variant)
        {
            var rs = all.Where(r => r.Variant == variant).OrderBy(r => r.NodesMs + r.PostgresMs).ToList();
            return rs[rs.Count / 2] with { Errors = rs.Sum(r => r.Errors) };
        }
        var one = Median("one node");
        var two = Median("two nodes");
        var ofMedians = (two.NodesMs + two.PostgresMs) / (one.NodesMs + one.PostgresMs);
        // Per pair of interleaved rounds, so a burst of other work on the machine moves both sides of a ratio: their median
        // is the figure (the two medians' ratio pairs a quiet round of one cluster with a busy one of the other).
        var pairs = all.Where(r => r.Variant == "one node").Zip(all.Where(r => r.Variant == "two nodes"),
            (o, t) => (t.NodesMs + t.PostgresMs) / (o.NodesMs + o.PostgresMs)).ToList();
        var ratio = pairs.Order().ElementAt(pairs.Count / 2);
        var table = new MarkdownTable("cluster", "registrations/s", "p99", "CPU per registration: nodes + PostgreSQL", "clients' CPU", "errors (all rounds)", "all emails out after", "two nodes ÷ one", "target");
        table.Row("**one node**", $"{one.PerSecond:N0}", $"{one.P99:0} ms", $"{one.NodesMs:0.00} + {one.PostgresMs:0.00} = {one.NodesMs + one.PostgresMs:0.00} ms",
            $"{one.ClientsMs:0.00} ms", $"{one.Errors}", $"{one.MailSeconds:0.0} s", "1.00×", "");
        table.Row("**two nodes**", $"{two.PerSecond:N0}", $"{two.P99:0} ms", $"{two.NodesMs:0.00} + {two.PostgresMs:0.00} = {two.NodesMs + two.PostgresMs:0.00} ms",
            $"{two.ClientsMs:0.00} ms", $"{two.Errors}", $"{two.MailSeconds:0.0} s", $"**{ratio:0.00}×**, the median of the round pairs ({string.Join(", ", pairs.Select(p => $"{p:0.00}×"))}); the medians' ratio {ofMedians:0.00}×",
            $"≤ {Target:0.00}×: {(ratio <= Target ? "**met**" : "**missed**")}");
        var text = new StringBuilder();
        text.AppendLine($"""
            {Registrations:N0} workshop registrations per round over HTTP (`POST /api/workshops/{"{id}"}/registrations`, the public form's call:
            validation, the session grain's decision and its confirmation email), spread over {Sessions} new sessions, {Clients} clients; on a
            cluster of **one node** process, and on a cluster of **two node** processes (one PostgreSQL database each, the clients split across
            the two nodes, so about half the calls to a session cross to the silo that holds it). Each node is
            {NodeProcess.BuildDescription}, in a process of its own; CPU is read from /proc for the nodes and for PostgreSQL, from the first request
            until the last confirmation email is in the pickup folder; the clients (the bench process) are reported apart and excluded.
            Median of {rounds.Measured} round pair(s) (one node, two nodes, interleaved, taking turns going first), after {rounds.WarmUps} warm-up round(s) of each.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine("Rounds: " + string.Join("; ", all.Select(r => $"{r.Variant} {r.PerSecond:N0}/s, {r.NodesMs + r.PostgresMs:0.00} ms CPU")) + ".");
        // The nodes' work per second, spread over a median round (until its last email): the part of the ratio no registration causes.
        double IdleShare(double msPerSecond, Round round) => msPerSecond * (round.MailSeconds ?? Registrations / round.PerSecond) / Registrations;
        var idleOne = IdleShare(idle.OneNodeMsPerSecond, one);
        var idleTwo = IdleShare(idle.TwoNodesMsPerSecond, two);
        text.AppendLine($"With no request at all the nodes spend {idle.OneNodeMsPerSecond:0.0} ms of CPU a second (one node) and {idle.TwoNodesMsPerSecond:0.0} " +
            $"(two nodes together); over a median round that is {idleOne:0.00} and {idleTwo:0.00} ms per registration, so without it the ratio would be " +
            $"{(two.NodesMs + two.PostgresMs - idleTwo) / (one.NodesMs + one.PostgresMs - idleOne):0.00}×.");
        text.AppendLine(jit);
        var other = all.Sum(r => r.OtherSeconds);
        text.AppendLine($"Other work on the machine used {other:0.0} s of CPU during the rounds{(other > 5 ? ": the CPU per registration is the figure to read, not the rate" : "")}.");
        text.AppendLine();
        text.AppendLine($"""
            **Reading: target {(ratio <= Target ? "met" : "missed")}.** A second node costs {ratio:0.00}× the CPU per workshop registration of one node. What the
            two clusters do differently: about half the requests reach a node that does not hold their session (one activation in the
            cluster), so the call and its answer are serialized, sent between silos and read back, where one node copies them in
            memory; each node runs work per second, not per registration (membership probes and heartbeats, the reminder service's
            reads, the live relay's hub-list refresh, the Orleans dashboard's meter sampling), which a slow round spreads over fewer
            registrations; new grains register in a grain directory the two silos partition, so half those registrations are
            remote calls; and the two-node cluster writes a session a little more often per registration (its calls arrive
            less bunched), each write carrying the registrations and sent emails changed since their ledger chunk was written
            (some 20 kB at 150 registrants). `BENCH_PG_STATEMENTS=1` counts those writes; Profiling/README.md profiles each node.
            """);
        return text.ToString();
    }
}
