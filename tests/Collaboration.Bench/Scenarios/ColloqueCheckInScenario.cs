using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collaboration.Bench.Harness;
using Collaboration.Grains.Colloque;
using Collaboration.Grains.Runtime;
using Collaboration.Silo.ChangeFeed;
using Collaboration.Silo.Hosting;
using Collaboration.Web.Colloque;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// The colloque's morning rush on PostgreSQL: 2,000 registered attendees, four desks, each desk
/// checking in its quarter of the badges with 16 scans in flight (phones, tablets and USB scanners
/// of a busy desk, and the desk's queued offline scans being sent back). Each check-in is what
/// POST /api/colloques/{id}/checkins does (<see cref="CheckIns.CheckInAsync"/>): the registration
/// grain's durable write, then the colloque's idempotent aggregate write (group-committed), then the
/// AttendeeArrived event on the change feed, which the hub pushes to the other desks.
/// Baseline, same run, same concurrency: one raw Npgsql autocommit
/// <c>UPDATE checkin SET checked_in_at = now() … WHERE code = $1 AND checked_in_at IS NULL</c> per check-in.
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

    private sealed record Round(double PerSecond, double AnswerP50, double AnswerP99, double PushP50, double PushP99, int Arrived);

    public async Task<string> RunAsync(BenchContext context)
    {
        var cluster = await context.GetPostgresAsync();
        var connectionString = await cluster.CreateDatabaseAsync("colloque");
        using var host = await StartSiloAsync(connectionString);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var feed = host.Services.GetRequiredService<LocalChangeFeed>();
        var checkIns = new CheckIns(grains, NullLogger<CheckIns>.Instance);
        var registrations = new Registrations(grains);
        await using var raw = NpgsqlDataSource.Create(connectionString);
        await using (var create = raw.CreateCommand("CREATE TABLE checkin (code text PRIMARY KEY, colloque uuid NOT NULL, checked_in_at timestamptz, desk text)"))
            await create.ExecuteNonQueryAsync();

        var rounds = context.Quick ? 2 : 4;
        var grainRounds = new List<Round>();
        var rawRounds = new List<Round>();
        await GrainRoundAsync(grains, feed, checkIns, registrations); // warm-up
        for (var i = 0; i < rounds; i++)
        {
            Console.WriteLine($"  round {i + 1}/{rounds}: grains");
            grainRounds.Add(await GrainRoundAsync(grains, feed, checkIns, registrations));
            Console.WriteLine($"  round {i + 1}/{rounds}: raw Npgsql");
            rawRounds.Add(await RawRoundAsync(raw));
        }
        return Report(context, grainRounds, rawRounds);
    }

    private static async Task<IHost> StartSiloAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Storage:Provider", "Postgres"), new("ConnectionStrings:Postgres", connectionString)]);
        builder.Services.AddSilo(builder.Configuration, typeof(ColloqueGrain).Assembly);
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    private static async Task<Round> GrainRoundAsync(IGrainFactory grains, LocalChangeFeed feed, CheckIns checkIns, Registrations registrations)
    {
        var colloqueId = Guid.NewGuid();
        await grains.GetGrain<IColloqueGrain>(colloqueId).CreateAsync(new ColloqueDetails("Bench", new DateOnly(2026, 11, 26), "Rimouski"));
        var attendees = Enumerable.Range(0, Attendees)
            .Select(i => new AttendeeDetails($"Personne {i}", $"Org {i % 50}", (AttendeeCategory)(i % 6), $"p{i}@bench.local")).ToList();
        var codes = new List<string>();
        foreach (var chunk in attendees.Chunk(500)) codes.AddRange((await registrations.UpsertAsync(colloqueId, chunk)).Select(o => o.Code));

        var clock = Stopwatch.StartNew();
        var scannedAt = new ConcurrentDictionary<string, long>();
        var pushedAt = new ConcurrentDictionary<string, long>();
        var colloqueKey = colloqueId.ToString();
        using var subscription = feed.Subscribe(commit =>
        {
            if (commit.GrainId.Type != "colloque" || commit.GrainId.Key != colloqueKey) return;
            var now = clock.ElapsedTicks;
            foreach (var e in commit.Events)
            {
                if (e.Type != "AttendeeArrived") continue;
                var start = e.Data.IndexOf("\"code\":\"", StringComparison.Ordinal) + 8;
                pushedAt.TryAdd(e.Data[start..e.Data.IndexOf('"', start)], now);
            }
        });

        var answers = new ConcurrentBag<double>();
        var started = clock.ElapsedTicks;
        await Task.WhenAll(Enumerable.Range(0, Desks).Select(desk => Task.Run(async () =>
        {
            var queue = new ConcurrentQueue<string>(codes.Where((_, i) => i % Desks == desk));
            await Task.WhenAll(Enumerable.Range(0, InFlightPerDesk).Select(async _ =>
            {
                while (queue.TryDequeue(out var code))
                {
                    var t0 = clock.ElapsedTicks;
                    scannedAt[code] = t0;
                    var answer = await checkIns.CheckInAsync(code, new CheckInRequest(colloqueId, Guid.NewGuid().ToString("N"), $"desk-{desk}", $"Accueil {desk}", "bench"));
                    if (answer.Result != CheckInResult.CheckedIn) throw new InvalidOperationException($"{code}: {answer.Result}");
                    answers.Add(Ms(clock.ElapsedTicks - t0));
                }
            }));
        })));
        var elapsed = clock.ElapsedTicks - started;
        await checkIns.WhenMirroredAsync();
        var deadline = Stopwatch.StartNew();
        while (pushedAt.Count < Attendees && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        var arrived = (await grains.GetGrain<IColloqueGrain>(colloqueId).GetAsync())!.Arrived;
        var pushes = pushedAt.Select(p => Ms(p.Value - scannedAt[p.Key])).ToArray();
        return Summarise(Attendees / (elapsed / (double)Stopwatch.Frequency), [.. answers], pushes, arrived);
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
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, Desks).Select(desk => Task.Run(async () =>
        {
            var queue = new ConcurrentQueue<string>(codes.Where((_, i) => i % Desks == desk));
            await Task.WhenAll(Enumerable.Range(0, InFlightPerDesk).Select(async _ =>
            {
                while (queue.TryDequeue(out var code))
                {
                    var t0 = clock.ElapsedTicks;
                    await using var command = raw.CreateCommand(
                        "UPDATE checkin SET checked_in_at = now(), desk = $2 WHERE code = $1 AND checked_in_at IS NULL RETURNING checked_in_at");
                    command.Parameters.AddWithValue(code);
                    command.Parameters.AddWithValue($"desk-{desk}");
                    if (await command.ExecuteScalarAsync() is null) throw new InvalidOperationException($"{code} was not checked in");
                    answers.Add(Ms(clock.ElapsedTicks - t0));
                }
            }));
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return Summarise(Attendees / seconds, [.. answers], [], Attendees);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static Round Summarise(double perSecond, double[] answers, double[] pushes, int arrived)
    {
        Array.Sort(answers);
        Array.Sort(pushes);
        return new Round(perSecond, Percentile(answers, 0.5), Percentile(answers, 0.99), Percentile(pushes, 0.5), Percentile(pushes, 0.99), arrived);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Report(BenchContext context, List<Round> grain, List<Round> raw)
    {
        string F(double v, string format = "0.0") => double.IsNaN(v) ? "—" : v.ToString(format, CultureInfo.InvariantCulture);
        var g = new Round(Median(grain.Select(r => r.PerSecond)), Median(grain.Select(r => r.AnswerP50)), Median(grain.Select(r => r.AnswerP99)),
            Median(grain.Select(r => r.PushP50)), Median(grain.Select(r => r.PushP99)), grain.Min(r => r.Arrived));
        var b = new Round(Median(raw.Select(r => r.PerSecond)), Median(raw.Select(r => r.AnswerP50)), Median(raw.Select(r => r.AnswerP99)), double.NaN, double.NaN, Attendees);
        var text = new StringBuilder();
        var meets = g.PerSecond >= TargetPerSecond && g.AnswerP99 <= TargetP99Ms && g.PushP99 <= TargetP99Ms ? "yes" : "no";
        var (gRate, gA50, gA99, gP50, gP99) = (F(g.PerSecond, "N0"), F(g.AnswerP50), F(g.AnswerP99), F(g.PushP50), F(g.PushP99));
        var (bRate, bA50, bA99, ratio) = (F(b.PerSecond, "N0"), F(b.AnswerP50), F(b.AnswerP99), F(g.PerSecond / b.PerSecond, "0.00"));
        var grainRounds = string.Join("; ", grain.Select(r => $"{F(r.PerSecond, "N0")}/s, p99 {F(r.AnswerP99)} ms, push p99 {F(r.PushP99)} ms"));
        var rawRounds = string.Join("; ", raw.Select(r => $"{F(r.PerSecond, "N0")}/s, p99 {F(r.AnswerP99)} ms"));
        var load = context.LoadAtStart ?? "unknown";
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            {Attendees:N0} registered attendees, {Desks} desks, {InFlightPerDesk} scans in flight per desk ({Desks * InFlightPerDesk} in all); every
            badge checked in once, by the desk that owns its quarter of the list. A grain check-in is what
            `POST /api/colloques/ID/checkins` runs (`CheckIns.CheckInAsync`: the registration grain's durable write with
            the desk's nonce and the history line — the desk's answer — then, in the background, the colloque aggregate's
            idempotent write, group-committed with the others queued meanwhile), on a silo
            with PostgreSQL storage, without HTTP. *Answer* is the scanning desk's wait for the durable answer; *push* is from
            the scan to the `AttendeeArrived` event reaching the node's change feed, which the hub's broadcaster sends on to
            the other desks' SignalR group (the SignalR hop itself, about 20 ms on loopback per TOOLING.md, is not included).
            Baseline in the same run, interleaved: a raw Npgsql autocommit single-row
            `UPDATE … WHERE code = $1 AND checked_in_at IS NULL` per check-in, same {Desks}×{InFlightPerDesk} concurrency.
            Median of {grain.Count} rounds of {Attendees:N0} check-ins each (after one warm-up round).
            Targets: ≥ {TargetPerSecond:N0} check-ins/s and p99 ≤ {TargetP99Ms} ms.

            | | check-ins/s | answer p50 | answer p99 | push p50 | push p99 | meets targets |
            |---|---|---|---|---|---|---|
            | grains (registration + colloque aggregate) | {gRate} | {gA50} ms | {gA99} ms | {gP50} ms | {gP99} ms | {meets} |
            | raw Npgsql UPDATE (baseline) | {bRate} | {bA50} ms | {bA99} ms | — | — | |
            | grains / baseline | {ratio}× | | | | | |

            Rounds (grains): {grainRounds}.
            Rounds (raw): {rawRounds}.
            Every grain round ended with the colloque's aggregate at {g.Arrived:N0} arrivals (the minimum over rounds).
            Load average at the start of the run: {load}.
            """);
        return text.ToString();
    }
}
