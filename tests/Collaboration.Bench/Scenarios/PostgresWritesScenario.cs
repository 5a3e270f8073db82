using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Collaboration.Bench.Bench;
using Collaboration.Bench.Harness;
using Collaboration.Silo.Runtime;
using Collaboration.Testing;
using Npgsql;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Scenario 2: durable grain writes on PostgreSQL with 32 concurrent callers, against a raw
/// Npgsql single-row UPDATE loop at the same concurrency (and pgbench's simple-update as a
/// second reference).
/// </summary>
internal sealed partial class PostgresWritesScenario : IScenario
{
    public const int Callers = 32;
    public const int SpreadKeys = 1_000;
    public const double Target = 0.5;

    public string Name => "postgres";

    public string Title => "Durable grain writes on PostgreSQL";

    public async Task<string> RunAsync(BenchContext context)
    {
        var cluster = await context.GetPostgresAsync();
        var connectionString = await cluster.CreateDatabaseAsync("bench");

        await using var silo = await BenchSilo.StartPostgresAsync(connectionString);
        // The same pool settings as the silo's data source (AddSilo: the connection string, auto-prepare 32).
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        await using var raw = builder.Build();
        await ExecuteAsync(raw, $"""
            CREATE TABLE bench (id int PRIMARY KEY, v bigint NOT NULL);
            INSERT INTO bench SELECT g, 0 FROM generate_series(1, {SpreadKeys}) AS g;
            """);

        using var storageWrites = new StorageWriteCounter();
        var hot = silo.Grains.GetGrain<IBenchCounterGrain>("hot");
        var keys = Enumerable.Range(0, SpreadKeys).Select(i => silo.Grains.GetGrain<IBenchCounterGrain>($"k{i:D4}")).ToArray();
        var evented = Enumerable.Range(0, SpreadKeys).Select(i => silo.Grains.GetGrain<IBenchCounterGrain>($"e{i:D4}")).ToArray();

        Console.WriteLine($"  activating and first-writing {2 * SpreadKeys + 1:N0} grains…");
        await hot.IncrementDurableAsync();
        foreach (var chunk in keys.Chunk(Callers)) await Task.WhenAll(chunk.Select(g => g.IncrementDurableAsync()));
        foreach (var chunk in evented.Chunk(Callers)) await Task.WhenAll(chunk.Select(g => g.IncrementWithEventAsync()));

        var settings = context.Database;
        var rows = new List<(string Keys, Summary Grain, Summary Raw, bool Targeted)>();

        Console.WriteLine($"  one hot key, {Callers} callers");
        var r = await LoadRunner.CompareAsync(settings,
            Grain("grain, hot key", (_, _) => hot.IncrementDurableAsync(), storageWrites),
            Raw("raw UPDATE, hot row", raw, (_, _) => 1));
        rows.Add(("1 (hot)", r[0], r[1], true));

        Console.WriteLine($"  {Callers} keys, one per caller");
        r = await LoadRunner.CompareAsync(settings,
            Grain("grain, key per caller", (w, _) => keys[w].IncrementDurableAsync(), storageWrites),
            Raw("raw UPDATE, row per caller", raw, (w, _) => w + 1));
        rows.Add(($"{Callers} (one per caller)", r[0], r[1], true));

        Console.WriteLine($"  {SpreadKeys:N0} keys, spread");
        r = await LoadRunner.CompareAsync(settings,
            Grain("grain, spread", (w, i) => keys[KeyIndex(w, i)].IncrementDurableAsync(), storageWrites),
            Raw("raw UPDATE, spread", raw, (w, i) => KeyIndex(w, i) + 1),
            Grain("grain + 1 event, spread", (w, i) => evented[KeyIndex(w, i)].IncrementWithEventAsync(), storageWrites));
        rows.Add(($"{SpreadKeys:N0} (spread)", r[0], r[1], true));
        rows.Add(($"{SpreadKeys:N0} (spread), **+ 1 event per write**", r[2], r[1], false));

        Console.WriteLine($"  pgbench, {Callers} clients");
        var pgbench = await PgbenchAsync(cluster, connectionString, settings);

        return Report(context, rows, pgbench);
    }

    private static Variant Grain(string name, Func<int, long, Task> call, StorageWriteCounter writes) =>
        new(name, Callers, call) { RecordLatency = true, Counter = () => writes.Count };

    private static Variant Raw(string name, NpgsqlDataSource dataSource, Func<int, long, int> row) =>
        new(name, Callers, (w, i) => UpdateAsync(dataSource, row(w, i))) { RecordLatency = true };

    // What an application without grains would do: one autocommit statement per write, from the pool.
    private static async Task UpdateAsync(NpgsqlDataSource dataSource, int id)
    {
        await using var command = dataSource.CreateCommand("UPDATE bench SET v = v + 1 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = id });
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static int KeyIndex(int worker, long i) => Keys.Pick(worker, i, SpreadKeys);

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Counts the silo's storage writes (the "concertation.grain.writes" counter), to show group commit.</summary>
    private sealed class StorageWriteCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public StorageWriteCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SiloMetrics.MeterName && instrument.Name == "concertation.grain.writes")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    // ---- pgbench -----------------------------------------------------------------------------

    private sealed record PgbenchResult(string What, string Command, double Tps, double P50Ms, double P99Ms, IReadOnlyList<double> Runs);

    /// <summary>
    /// pgbench, a C client, at the same concurrency: its built-in simple-update on a scale-1
    /// database, and a script with the raw loop's own statement on the same table.
    /// </summary>
    private static async Task<IReadOnlyList<PgbenchResult>> PgbenchAsync(PostgresCluster cluster, string benchConnectionString, RunSettings settings)
    {
        var pgbench = Path.Combine(Environment.GetEnvironmentVariable(PostgresCluster.BinDirectoryVariable) is { Length: > 0 } bin
            ? bin : "/usr/lib/postgresql/15/bin", "pgbench");
        if (!File.Exists(pgbench))
        {
            Console.WriteLine("  pgbench not found: skipped");
            return [];
        }

        var work = Directory.CreateTempSubdirectory("concertation-pgbench-");
        try
        {
            string[] connection = ["-h", cluster.Host, "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];
            string[] common = ["-M", "prepared", "-c", Callers.ToString(CultureInfo.InvariantCulture), "-j", "2", "-n"];

            var simpleDb = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync("pgbench")).Database!;
            await RunAsync(pgbench, [.. connection, "-i", "-s", "1", "-q", simpleDb]);

            var script = Path.Combine(work.FullName, "update.sql");
            await File.WriteAllTextAsync(script, $"\\set id random(1, {SpreadKeys})\nUPDATE bench SET v = v + 1 WHERE id = :id;\n");
            var benchDb = new NpgsqlConnectionStringBuilder(benchConnectionString).Database!;

            return
            [
                await PgbenchRunsAsync(pgbench, work.FullName, settings, "built-in simple-update (scale 1)",
                    [.. connection, "-b", "simple-update", .. common], simpleDb),
                await PgbenchRunsAsync(pgbench, work.FullName, settings, $"the raw loop's UPDATE, random over the {SpreadKeys:N0} rows",
                    [.. connection, "-f", script, .. common], benchDb),
            ];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<PgbenchResult> PgbenchRunsAsync(
        string pgbench, string folder, RunSettings settings, string what, string[] arguments, string database)
    {
        await RunAsync(pgbench, [.. arguments, "-T", Seconds(settings.Warmup), database]);
        var tps = new List<double>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        for (var i = 0; i < settings.Repetitions; i++)
        {
            var prefix = $"run{Guid.NewGuid():N}";
            var output = await RunAsync(pgbench, [.. arguments, "-T", Seconds(settings.Duration), "-l", $"--log-prefix={Path.Combine(folder, prefix)}", database]);
            var match = TpsLine().Match(output);
            if (!match.Success) throw new InvalidOperationException($"pgbench printed no tps:\n{output}");
            tps.Add(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

            // Per-transaction log lines: client_id transaction_no time_us script_no epoch epoch_us.
            var latencies = Directory.GetFiles(folder, prefix + ".*")
                .SelectMany(File.ReadLines)
                .Select(line => line.Split(' '))
                .Where(parts => parts.Length >= 3)
                .Select(parts => double.Parse(parts[2], CultureInfo.InvariantCulture) / 1000.0)
                .Order()
                .ToArray();
            p50.Add(Stats.Percentile(latencies, 0.50));
            p99.Add(Stats.Percentile(latencies, 0.99));
        }
        var shown = arguments.SkipWhile(a => a != "-b" && a != "-f").Select(a => a.StartsWith('/') ? Path.GetFileName(a) : a);
        var result = new PgbenchResult(what, $"pgbench {string.Join(' ', shown)} -T {Seconds(settings.Duration)}",
            Stats.Median(tps), Stats.Median(p50), Stats.Median(p99), tps);
        Console.WriteLine($"    pgbench, {what}: {Format.Rate(result.Tps)} tps  p50 {result.P50Ms:0.00} ms  p99 {result.P99Ms:0.00} ms");
        return result;
    }

    /// <summary>Cores kept busy by the bench process and PostgreSQL together.</summary>
    private static double Cores(Summary s) => (s.ProcessCpuMicrosPerCall + s.PostgresCpuMicrosPerCall) * s.CallsPerSecond / 1e6;

    private static string CpuPair(Summary s) =>
        $"{s.ProcessCpuMicrosPerCall:0} + {s.PostgresCpuMicrosPerCall:0} µs";

    private static string Seconds(TimeSpan t) => Math.Max(1, (int)Math.Round(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    private static async Task<string> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed:\n{output}");
        return output;
    }

    // ---- report ------------------------------------------------------------------------------

    private static string Report(BenchContext context, List<(string Keys, Summary Grain, Summary Raw, bool Targeted)> rows, IReadOnlyList<PgbenchResult> pgbench)
    {
        var fsync = context.PostgresFacts.FirstOrDefault(f => f.Name == "fsync").Value ?? "?";
        var syncCommit = context.PostgresFacts.FirstOrDefault(f => f.Name == "synchronous_commit").Value ?? "?";
        var table = new MarkdownTable("keys", "grain writes/s (min–max)", "grain p50 / p99", "calls per storage write",
            "raw UPDATE writes/s (min–max)", "raw p50 / p99", "grain / raw", $"≥ {Format.Percent(Target)}");
        foreach (var (keys, grain, rawRow, isTarget) in rows)
        {
            var ratio = grain.CallsPerSecond / rawRow.CallsPerSecond;
            table.Row(keys,
                $"{Format.Rate(grain.CallsPerSecond)} ({Format.Rate(grain.MinCallsPerSecond)}–{Format.Rate(grain.MaxCallsPerSecond)})",
                $"{grain.P50Ms:0.00} / {grain.P99Ms:0.00} ms",
                grain.CounterPerCall > 0 ? $"{1 / grain.CounterPerCall:0.0}" : "–",
                $"{Format.Rate(rawRow.CallsPerSecond)} ({Format.Rate(rawRow.MinCallsPerSecond)}–{Format.Rate(rawRow.MaxCallsPerSecond)})",
                $"{rawRow.P50Ms:0.00} / {rawRow.P99Ms:0.00} ms",
                ratio >= 2 ? Format.Ratio(ratio) : Format.Percent(ratio),
                isTarget ? (ratio >= Target ? "yes" : "**no**") : "(not a target)");
        }

        var text = new StringBuilder();
        text.AppendLine($"""
            {Callers} tasks, each awaiting a durable grain call in a loop (`IncrementDurableAsync`: `State.Value++`,
            `await WriteStateAsync()`; acknowledged only once PostgreSQL has committed it), against {Callers} tasks
            each running `UPDATE bench SET v = v + 1 WHERE id = $1` as an autocommit statement through an
            `NpgsqlDataSource` with the silo's pool settings (same connection string, `Max Auto Prepare=32`),
            on the same keys/rows: one hot key for all callers, one key per caller, or {SpreadKeys:N0} keys each
            caller picks in a fixed pseudo-random order of its own (so two callers sometimes meet on a key). A "write" is one acknowledged call; *calls per storage
            write* shows group commit (calls queued on one grain while its write is in flight share the next write).
            The silo also runs its change feed: every commit is published locally and sent to other nodes
            by the batched `pg_notify` publisher (one extra small transaction per batch).

            PostgreSQL runs with **fsync={fsync} and synchronous_commit={syncCommit}**: every acknowledged write,
            grain or raw, has reached the disk (PostgreSQL's own group commit shares WAL flushes between sessions).
            {context.Database.Describe()}; latency is per call, as each caller sees it. Target: grain writes/s ≥
            {Format.Percent(Target)} of the raw UPDATE loop.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine(Interference.Describe(rows.SelectMany(r => new[] { r.Grain, r.Raw })));
        text.AppendLine();
        text.AppendLine("CPU per write, from /proc (µs of CPU time, median run): the bench process (callers, grain host, Npgsql, GC) " +
                        "and the PostgreSQL server (backends, WAL writer, checkpointer…):");
        text.AppendLine();
        var cpu = new MarkdownTable("keys", "grain: .NET", "grain: PostgreSQL", "raw: .NET", "raw: PostgreSQL");
        foreach (var (keys, grain, rawRow, _) in rows)
            cpu.Row(keys, $"{grain.ProcessCpuMicrosPerCall:0} µs", $"{grain.PostgresCpuMicrosPerCall:0} µs",
                $"{rawRow.ProcessCpuMicrosPerCall:0} µs", $"{rawRow.PostgresCpuMicrosPerCall:0} µs");
        text.Append(cpu);
        text.AppendLine();
        if (pgbench.Count > 0)
        {
            text.AppendLine($"Second reference: pgbench (PostgreSQL's C client) with {Callers} clients, `-M prepared`, autocommit, same cluster:");
            text.AppendLine();
            var reference = new MarkdownTable("pgbench", "command", "tps (runs)", "p50 / p99");
            foreach (var p in pgbench)
                reference.Row(p.What, $"`{p.Command}`", $"{Format.Rate(p.Tps)} ({string.Join(", ", p.Runs.Select(Format.Rate))})",
                    $"{p.P50Ms:0.00} / {p.P99Ms:0.00} ms");
            text.Append(reference);
            text.AppendLine();
            text.AppendLine("simple-update's transaction is BEGIN, UPDATE pgbench_accounts, SELECT, INSERT INTO pgbench_history, END " +
                            "(five round trips, one commit); the script runs the raw loop's single statement.");
            text.AppendLine();
        }
        var targeted = rows.Where(r => r.Targeted).ToList();
        var missed = targeted.Where(r => r.Grain.CallsPerSecond / r.Raw.CallsPerSecond < Target).ToList();
        text.AppendLine(missed.Count == 0
            ? $"**Reading: target met** — grain writes are at least {Format.Percent(Target)} of the raw UPDATE loop in every " +
              $"targeted row (lowest {Format.Percent(targeted.Min(r => r.Grain.CallsPerSecond / r.Raw.CallsPerSecond))})."
            : $"**Reading: target not met** in {missed.Count} of {targeted.Count} rows " +
              $"({string.Join(", ", missed.Select(m => $"{m.Keys}: {Format.Percent(m.Grain.CallsPerSecond / m.Raw.CallsPerSecond)}"))}).");
        text.AppendLine();

        var hot = rows[0];
        text.AppendLine($"- *One hot key.* The raw loop serialises on the row lock: each UPDATE waits for the previous one to " +
                        $"commit, so it gets at most one WAL flush's worth of writes at a time. The grain queues its callers and " +
                        $"commits every call queued behind the write in flight as one write ({1 / hot.Grain.CounterPerCall:0.0} calls " +
                        $"per storage write on average), hence {Format.Ratio(hot.Grain.CallsPerSecond / hot.Raw.CallsPerSecond)} the raw throughput " +
                        $"at a lower latency. Every call is still acknowledged only after the write holding it has committed.");
        var separate = rows.Where(r => r.Targeted).Skip(1).ToList();
        var spread = separate[^1];
        text.AppendLine($"- *Separate keys* ({string.Join(", ", separate.Select(r => $"{r.Keys.Split(' ')[0]} keys: {Format.Percent(r.Grain.CallsPerSecond / r.Raw.CallsPerSecond)}"))} of raw). " +
                        "Both sides make one statement and one commit per call. The grain's statement is heavier — the state as " +
                        "JSON into a `jsonb` column, a version check, the event-log append, a text grain id — and around it the " +
                        "host serialises the state, publishes the commit to the in-process change feed and queues a NOTIFY for " +
                        "the other nodes (sent in batches; this node's own LISTEN connection receives them too and drops its own). " +
                        $"On the {spread.Keys.Split(' ')[0]}-key row a grain write costs {CpuPair(spread.Grain)} of CPU (.NET + PostgreSQL) " +
                        $"against {CpuPair(spread.Raw)} for the raw UPDATE.");
        var evented = rows.FirstOrDefault(r => !r.Targeted);
        if (evented.Grain is not null)
            text.AppendLine($"- *With one event per write* ({Format.Percent(evented.Grain.CallsPerSecond / evented.Raw.CallsPerSecond)} of raw; " +
                            "not a target, the raw loop writes no log): each commit also inserts a row into `grain_events` " +
                            "(`jsonb`, primary key index) in the same statement — what the domain grains do.");
        var sameStatement = pgbench.FirstOrDefault(p => p.Command.Contains("-f", StringComparison.Ordinal));
        text.AppendLine($"- *What bounds both loops.* The raw loop kept {Cores(spread.Raw):0.0} and the grain loop {Cores(spread.Grain):0.0} " +
                        "of the 2 cores busy (CPU per write × writes/s, .NET and PostgreSQL together)" +
                        (sameStatement is null ? "" : $", and pgbench running the very same UPDATE over the same rows reaches " +
                            $"{Format.Rate(sameStatement.Tps)} tps ({Format.Ratio(sameStatement.Tps / spread.Raw.CallsPerSecond)} the .NET loop)") +
                        (Cores(spread.Raw) >= 0.8 * Environment.ProcessorCount
                            ? ". With fsync on, PostgreSQL's group commit shares each WAL flush among the waiting sessions, so on this " +
                              "machine the limit is the CPU that client and server share, not the disk: the grain's extra CPU per write " +
                              "is what the ratio measures."
                            : ". Neither loop saturates the CPU: waiting for WAL flushes and round trips bounds them, and the grain's " +
                              "extra CPU per write only partly shows in the ratio."));
        return text.ToString();
    }
}
