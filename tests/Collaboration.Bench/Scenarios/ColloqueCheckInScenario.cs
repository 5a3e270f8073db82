using Collaboration.Grains.Platform;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;
using Collaboration.Grains.Colloque;
using Collaboration.Web.Colloque;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Scenario 4: the colloque's morning rush, end to end on a web node (PostgreSQL): 2,000 registered
/// attendees, four paired desks, each checking in its quarter of the badges over HTTP
/// (<c>POST /api/colloques/{id}/checkins</c>, 16 scans in flight per desk), each desk also holding a
/// SignalR connection (official .NET client) subscribed to <c>colloque:{id}</c>. Answer = the desk's
/// wait for its HTTP answer; push = from that answer to the <c>AttendeeArrived</c> event reaching each
/// OTHER desk's connection. Baseline: a raw Npgsql autocommit single-row UPDATE per check-in, same
/// concurrency. Targets: ≥ 2,000 check-ins/s, answer p99 and push p99 ≤ 50 ms.
/// </summary>
internal sealed class ColloqueCheckInScenario : IScenario
{
    public const int Attendees = 2_000;
    public const int Desks = 4;
    public const int InFlightPerDesk = 16;
    public const double TargetPerSecond = 2_000;
    public const double TargetP99Ms = 50;

    public string Name => "checkins";

    public string Title => "Colloque check-ins";

    private sealed record Round(double PerSecond, double AnswerP50, double AnswerP99, double PushP50, double PushP99,
        int Errors, int MissingPushes, double PushedBeforeAnswer, int Arrived, long RegistrationWrites, double WriteMs,
        double ProcessCpuMs = double.NaN, double PostgresCpuMs = double.NaN, double OtherCpuSeconds = double.NaN);

    /// <summary>The most warm-up rounds run while the JIT still compiles (a round is some 2,000 check-ins and an import).</summary>
    private const int MostWarmUps = 6;

    public async Task<string> RunAsync(BenchContext context)
    {
        var cluster = await context.GetPostgresAsync();
        var database = await cluster.CreateDatabaseAsync("colloque");
        Console.WriteLine("  starting a web node…");
        await using var node = await WebNode.StartAsync(database);
        var organiser = node.NewHttpClient(await node.OrganiserCookieAsync());
        await using var raw = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("colloque_raw"));
        await using (var create = raw.CreateCommand("CREATE TABLE checkin (code text PRIMARY KEY, colloque uuid NOT NULL, checked_in_at timestamptz, desk text)"))
            await create.ExecuteNonQueryAsync();

        var grainRounds = new List<Round>();
        var rawRounds = new List<Round>();
        // The node runs in this process, beside the desks' clients: its JIT is the process's.
        var (rounds, lastWarmUp) = await new BurstRounds(1, context.Quick ? 1 : 4, context.Quick ? 1 : MostWarmUps)
            .WarmUpAsync(1, () => Task.FromResult(NodeJit.ThisProcess()), async () =>
            {
                await GrainRoundAsync(context, node, organiser);
                await RawRoundAsync(raw);
            });
        var measuredFrom = NodeJit.ThisProcess();
        for (var i = 0; i < rounds.Measured; i++)
        {
            Console.WriteLine($"  round {i + 1}/{rounds.Measured}");
            grainRounds.Add(await GrainRoundAsync(context, node, organiser));
            rawRounds.Add(await RawRoundAsync(raw));
        }
        var warmUp = $"after {rounds.WarmUpDescription(lastWarmUp)}; the measured rounds compiled {NodeJit.ThisProcess() - measuredFrom}";
        return Report(grainRounds, rawRounds, warmUp);
    }

    private static async Task<Round> GrainRoundAsync(BenchContext context, WebNode node, HttpClient organiser)
    {
        var created = await organiser.PostAsJsonAsync("/api/colloques", new { title = "Colloque du banc d'essai", date = "2026-11-26", venue = "Joliette" });
        created.EnsureSuccessStatusCode();
        var colloqueId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var signups = node.Services.GetRequiredService<IGrainFactory>().GetGrain<IColloqueSignupsGrain>(colloqueId);
        var codes = new List<string>();
        var attendees = Enumerable.Range(0, Attendees)
            .Select(i => new AttendeeDetails($"Personne {i}", $"Organisme {i % 50}", (AttendeeCategory)(i % 6), $"p{i}-{colloqueId:N}@bench.local")).ToList();
        foreach (var chunk in attendees.Chunk(250))
            codes.AddRange((await signups.ImportAsync([.. chunk.Select(a => new ImportedAttendee(a, RegistrationCodes.MatchKey(a)))])).Select(o => o.Code));
        var indexOf = codes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

        // Four desks, paired as a desk device pairs (a pairing code from the organiser, then POST /api/desks/pair).
        var deskCookies = new string[Desks];
        for (var d = 0; d < Desks; d++)
        {
            var desk = await organiser.PostAsJsonAsync($"/api/colloques/{colloqueId}/desks", new { name = $"Accueil {d + 1}" });
            desk.EnsureSuccessStatusCode();
            var pairingCode = (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pairingCode").GetString();
            using var device = node.NewHttpClient();
            var paired = await device.PostAsJsonAsync("/api/desks/pair", new { pairingCode });
            paired.EnsureSuccessStatusCode();
            deskCookies[d] = WebNode.CookieOf(paired);
        }

        var received = Enumerable.Range(0, Desks).Select(_ => new long[Attendees]).ToArray();
        var receipts = 0;
        var topic = $"colloque:{colloqueId}";
        var connections = new HubConnection[Desks];
        for (var d = 0; d < Desks; d++)
        {
            var desk = d;
            // The first of the two that reaches the desk counts: the arrival pushed ahead ("ahead") or the colloque's event ("event").
            void OnArrival(JsonElement envelope)
            {
                var now = Stopwatch.GetTimestamp();
                if (envelope.GetProperty("type").GetString() != "AttendeeArrived") return;
                if (!indexOf.TryGetValue(envelope.GetProperty("data").GetProperty("code").GetString()!, out var index)) return;
                if (Interlocked.CompareExchange(ref received[desk][index], now, 0) == 0) Interlocked.Increment(ref receipts);
            }
            connections[d] = await HubClients.ConnectAsync(node.HubUrl, deskCookies[d], "event", OnArrival);
            connections[d].On<JsonElement>("ahead", OnArrival);
            await connections[d].InvokeAsync<JsonElement>("Subscribe", topic, (long?)null);
        }
        var deskClients = deskCookies.Select(c => node.NewHttpClient(c)).ToArray();

        var answered = new long[Attendees];
        var answers = new ConcurrentBag<double>();
        var errors = 0;
        var before = context.Meters.Take();
        var cpuBefore = CpuSampler.Take();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Desks).Select(desk => Task.Run(async () =>
        {
            var queue = new ConcurrentQueue<int>(Enumerable.Range(0, Attendees).Where(i => i % Desks == desk));
            await Task.WhenAll(Enumerable.Range(0, InFlightPerDesk).Select(async _ =>
            {
                while (queue.TryDequeue(out var index))
                {
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        var response = await deskClients[desk].PostAsJsonAsync($"/api/colloques/{colloqueId}/checkins",
                            new { code = codes[index], nonce = Guid.NewGuid().ToString("N") });
                        response.EnsureSuccessStatusCode();
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        var t1 = Stopwatch.GetTimestamp();
                        if (body.GetProperty("result").GetString() != "checkedIn") throw new InvalidOperationException(body.ToString());
                        answered[index] = t1;
                        answers.Add(Ms(t1 - t0));
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                    {
                        if (Interlocked.Increment(ref errors) == 1) Console.WriteLine($"    first error: {e.Message}");
                    }
                }
            }));
        })));
        var elapsed = Stopwatch.GetTimestamp() - started;

        var expected = (Desks - 1) * (Attendees - errors);
        var wait = Stopwatch.StartNew();
        while (Volatile.Read(ref receipts) < Desks * (Attendees - errors) && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        await node.Services.GetRequiredService<PendingEffects>().WhenDeliveredAsync(TimeSpan.FromSeconds(30));
        var cpu = CpuSampler.Take() - cpuBefore; // every push received and every figure written: the whole cost of the check-ins
        var meters = context.Meters.Take() - before;
        var stats = await organiser.GetFromJsonAsync<JsonElement>($"/api/colloques/{colloqueId}/stats");

        var pushes = new List<double>(expected);
        var missing = 0;
        for (var index = 0; index < Attendees; index++)
        {
            if (answered[index] == 0) continue;
            for (var d = 0; d < Desks; d++)
            {
                if (d == index % Desks) continue; // the scanning desk itself
                var at = Volatile.Read(ref received[d][index]);
                if (at == 0) missing++;
                else pushes.Add(Ms(at - answered[index]));
            }
        }
        await HubClients.DisposeAllAsync(connections);
        foreach (var client in deskClients) client.Dispose();

        var round = Summarise(Attendees / (elapsed / (double)Stopwatch.Frequency), [.. answers], [.. pushes], errors, missing,
            stats.GetProperty("arrived").GetInt32(), meters.Count(OrleansMeters.StorageWrite), meters.Mean(OrleansMeters.StorageWrite)) with
        {
            ProcessCpuMs = cpu.Process * 1000 / Attendees, PostgresCpuMs = cpu.Postgres * 1000 / Attendees, OtherCpuSeconds = cpu.Other,
        };
        Console.WriteLine($"    grains over HTTP: {round.PerSecond:N0}/s, answer p99 {round.AnswerP99:0.0} ms, push p99 {round.PushP99:0.0} ms, " +
                          $"{errors} errors, {missing} pushes missing, {round.Arrived} arrived, {round.RegistrationWrites} storage writes, " +
                          $"CPU/check-in {round.ProcessCpuMs:0.00} ms .NET + {round.PostgresCpuMs:0.00} ms PostgreSQL (other work {cpu.Other:0.0} s)");
        return round;
    }

    private static async Task<Round> RawRoundAsync(NpgsqlDataSource raw)
    {
        var colloqueId = Guid.NewGuid();
        var codes = Enumerable.Range(0, Attendees).Select(i => $"{colloqueId:N}-{i}").ToList();
        await using (var fill = raw.CreateCommand("INSERT INTO checkin (code, colloque) SELECT unnest($1::text[]), $2"))
        {
            fill.Parameters.AddWithValue(codes.ToArray());
            fill.Parameters.AddWithValue(colloqueId);
            await fill.ExecuteNonQueryAsync();
        }
        var answers = new ConcurrentBag<double>();
        var cpuBefore = CpuSampler.Take();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Desks).Select(desk => Task.Run(async () =>
        {
            var queue = new ConcurrentQueue<string>(codes.Where((_, i) => i % Desks == desk));
            await Task.WhenAll(Enumerable.Range(0, InFlightPerDesk).Select(async _ =>
            {
                while (queue.TryDequeue(out var code))
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await using var command = raw.CreateCommand(
                        "UPDATE checkin SET checked_in_at = now(), desk = $2 WHERE code = $1 AND checked_in_at IS NULL RETURNING checked_in_at");
                    command.Parameters.AddWithValue(code);
                    command.Parameters.AddWithValue($"desk-{desk}");
                    if (await command.ExecuteScalarAsync() is null) throw new InvalidOperationException($"{code} was not checked in");
                    answers.Add(Ms(Stopwatch.GetTimestamp() - t0));
                }
            }));
        })));
        var elapsed = Stopwatch.GetTimestamp() - started;
        var cpu = CpuSampler.Take() - cpuBefore;
        var round = Summarise(Attendees / (elapsed / (double)Stopwatch.Frequency), [.. answers], [], 0, 0, Attendees, Attendees) with
        {
            ProcessCpuMs = cpu.Process * 1000 / Attendees, PostgresCpuMs = cpu.Postgres * 1000 / Attendees, OtherCpuSeconds = cpu.Other,
        };
        Console.WriteLine($"    raw UPDATE: {round.PerSecond:N0}/s, p99 {round.AnswerP99:0.0} ms, CPU/update {round.ProcessCpuMs:0.00} ms .NET + {round.PostgresCpuMs:0.00} ms PostgreSQL");
        return round;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static Round Summarise(double perSecond, double[] answers, double[] pushes, int errors, int missing, int arrived, long writes, double writeMs = double.NaN)
    {
        Array.Sort(answers);
        Array.Sort(pushes);
        var early = pushes.Length == 0 ? double.NaN : pushes.Count(p => p < 0) / (double)pushes.Length;
        return new Round(perSecond, Stats.Percentile(answers, 0.5), Stats.Percentile(answers, 0.99), Stats.Percentile(pushes, 0.5),
            Stats.Percentile(pushes, 0.99), errors, missing, early, arrived, writes, writeMs);
    }

    private static string Report(List<Round> grain, List<Round> raw, string warmUp)
    {
        string F(double v, string format = "0.0") => double.IsNaN(v) ? "—" : v.ToString(format, CultureInfo.InvariantCulture);
        Round Median(List<Round> rs) => new(Stats.Median(rs.Select(r => r.PerSecond)), Stats.Median(rs.Select(r => r.AnswerP50)),
            Stats.Median(rs.Select(r => r.AnswerP99)), Stats.Median(rs.Select(r => r.PushP50)), Stats.Median(rs.Select(r => r.PushP99)),
            rs.Sum(r => r.Errors), rs.Sum(r => r.MissingPushes), Stats.Median(rs.Select(r => r.PushedBeforeAnswer)), rs.Min(r => r.Arrived),
            (long)Stats.Median(rs.Select(r => (double)r.RegistrationWrites)), Stats.Median(rs.Select(r => r.WriteMs)),
            Stats.Median(rs.Select(r => r.ProcessCpuMs)), Stats.Median(rs.Select(r => r.PostgresCpuMs)), rs.Sum(r => r.OtherCpuSeconds));
        var g = Median(grain);
        var b = Median(raw);
        var rateMet = g.PerSecond >= TargetPerSecond;
        var answerMet = g.AnswerP99 <= TargetP99Ms;
        var pushMet = g.PushP99 <= TargetP99Ms && g.MissingPushes == 0;
        string Verdict(bool met) => met ? "**met**" : "**missed**";

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            {Attendees:N0} registered attendees, {Desks} paired desks, {InFlightPerDesk} scans in flight per desk ({Desks * InFlightPerDesk} in all); every
            badge checked in once, by the desk that owns its quarter of the list, **over HTTP on a real web node** (Kestrel on loopback,
            the silo co-hosted, PostgreSQL storage): `POST /api/colloques/ID/checkins` with the desk's cookie — the registration
            grain's durable write with the desk's nonce and the history line, which is the desk's answer, and right after that write
            the arrival pushed **ahead** to `colloque:ID` (client method `ahead`); then, in the background, the colloque aggregate's
            idempotent write (reentrant, so the arrivals mirrored while a write is in flight share the next), whose versioned
            `AttendeeArrived` event goes through the live relay to the hub as well. Each desk also holds a SignalR connection (official
            .NET client, WebSockets, the desk's cookie) subscribed to `colloque:ID`.
            *Answer*: the desk's wait for its HTTP answer. *Push*: from the moment the scanning desk had its answer to the moment the
            arrival (the first of its two pushes) reached each of the **other three desks'** connections (one clock: same process);
            negative when the push beat the answer.
            Baseline in the same run, interleaved: a raw Npgsql autocommit single-row
            `UPDATE … WHERE code = $1 AND checked_in_at IS NULL` per check-in, same {Desks}×{InFlightPerDesk} concurrency, no HTTP.
            Median of {grain.Count} rounds of {Attendees:N0} check-ins each, a new colloque per round ({warmUp}).
            Targets: ≥ {TargetPerSecond:N0} check-ins/s; answer p99 and push p99 ≤ {TargetP99Ms} ms.

            | | check-ins/s | answer p50 | answer p99 | push p50 | push p99 | CPU per check-in (.NET + PostgreSQL) | errors / pushes missing (all rounds) |
            |---|---|---|---|---|---|---|---|
            | desks over HTTP (registration grain + colloque aggregate + SignalR) | {F(g.PerSecond, "N0")} | {F(g.AnswerP50)} ms | {F(g.AnswerP99)} ms | {F(g.PushP50)} ms | {F(g.PushP99)} ms | {F(g.ProcessCpuMs, "0.00")} + {F(g.PostgresCpuMs, "0.00")} ms | {g.Errors} / {g.MissingPushes} |
            | raw Npgsql UPDATE (baseline) | {F(b.PerSecond, "N0")} | {F(b.AnswerP50)} ms | {F(b.AnswerP99)} ms | — | — | {F(b.ProcessCpuMs, "0.00")} + {F(b.PostgresCpuMs, "0.00")} ms | 0 |
            | product / baseline | {F(g.PerSecond / b.PerSecond, "0.00")}× | | | | | {F((g.ProcessCpuMs + g.PostgresCpuMs) / (b.ProcessCpuMs + b.PostgresCpuMs), "0.0")}× | |
            | target | ≥ {TargetPerSecond:N0}: {Verdict(rateMet)} | | ≤ {TargetP99Ms} ms: {Verdict(answerMet)} | | ≤ {TargetP99Ms} ms: {Verdict(pushMet)} | | |

            CPU per check-in: this process (the web node with its silo, and the four desks' HTTP and SignalR clients, which share it)
            and PostgreSQL, from the first scan until every push has arrived and every figure is written; other work on the machine
            meanwhile: {F(g.OtherCpuSeconds, "0")} CPU·s over the rounds.

            Rounds (product): {string.Join("; ", grain.Select(r => $"{F(r.PerSecond, "N0")}/s, answer p99 {F(r.AnswerP99)} ms, push p99 {F(r.PushP99)} ms"))}.
            Rounds (raw): {string.Join("; ", raw.Select(r => $"{F(r.PerSecond, "N0")}/s, p99 {F(r.AnswerP99)} ms"))}.
            Every round ended with the colloque's stats at {g.Arrived:N0} arrivals (the minimum over rounds); {Format.Percent(g.PushedBeforeAnswer)} of the
            pushes reached the other desks before the scanning desk had its HTTP answer. Storage writes per round (Orleans' meter): {g.RegistrationWrites:N0}
            for {Attendees:N0} check-ins ({Attendees:N0} registration writes, the rest — {g.RegistrationWrites - Attendees:N0} — the colloque aggregate's
            coalesced writes and the registrations' later writes that forget their delivered arrival, at their reminder's tick, some of them
            from earlier rounds), {F(g.WriteMs)} ms per storage write on average as Orleans times it.

            **Where the time goes.** A check-in is an HTTP request (cookie authentication, JSON in and out), one grain call and one
            durable write of the registration grain (its answer, and at the same moment the push ahead through the relay to the
            hubs), then the aggregate: the arrival waits on the colloque grain for the write in flight to finish and for the next one,
            which holds it, to commit, and its versioned event is relayed to the hubs again (the desks drop it as seen). So the push
            no longer waits behind the two aggregate writes; it costs a relay hop and one more SignalR message per desk. With
            {Desks * InFlightPerDesk} scans in flight every stage shares the same {Environment.ProcessorCount} cores as PostgreSQL and the four desks' clients.
            The baseline is one round trip and one commit with nothing around it.
            """);
        return text.ToString();
    }
}
