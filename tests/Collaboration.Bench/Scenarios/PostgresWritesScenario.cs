using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Collaboration.Bench.Bench;
using Collaboration.Bench.Harness;
using Collaboration.Silo.Storage.Postgres;
using Collaboration.Testing;
using Npgsql;
using Orleans.Serialization;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Scenario 2: durable grain writes on PostgreSQL, 32 grains written by 32 concurrent callers,
/// against a raw Npgsql single-row UPDATE loop at the same concurrency (and pgbench as a second
/// reference). Target: ≥ 50 % of the raw loop.
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

        await using var silo = await SiloTestHost.StartPostgresAsync(connectionString,
            services => services.AddSerializer(s => s.AddAssembly(typeof(BenchCounterGrain).Assembly)),
            ("Logging:LogLevel:Default", "Warning"));
        // What an application without grains would use: an NpgsqlDataSource on the same connection string
        // the silo's grain storage is given (ConnectionStrings:Postgres).
        await using var raw = NpgsqlDataSource.Create(connectionString);
        // The same loop with the Npgsql settings the silo gives Orleans' providers (auto-prepare, no reset on close).
        await using var rawTuned = NpgsqlDataSource.Create(PostgresProviderConnections.Tune(connectionString));
        await ExecuteAsync(raw, $"""
            CREATE TABLE bench (id int PRIMARY KEY, v bigint NOT NULL);
            INSERT INTO bench SELECT g, 0 FROM generate_series(1, {SpreadKeys}) AS g;
            """);

        var grains = silo.Grains;
        var hot = grains.GetGrain<IBenchCounterGrain>("hot");
        var keys = Enumerable.Range(0, SpreadKeys).Select(i => grains.GetGrain<IBenchCounterGrain>($"k{i:D4}")).ToArray();

        Console.WriteLine($"  activating and first-writing {SpreadKeys + 1:N0} grains…");
        await hot.IncrementDurableAsync();
        foreach (var chunk in keys.Chunk(Callers)) await Task.WhenAll(chunk.Select(g => g.IncrementDurableAsync()));

        var settings = context.Database;
        var rows = new List<Row>();

        Console.WriteLine($"  {Callers} keys, one per caller");
        var before = context.Meters.Take();
        var r = await LoadRunner.CompareAsync(settings,
            Grain("grain, key per caller", (w, _) => keys[w].IncrementDurableAsync(), context),
            Raw("raw UPDATE, row per caller", raw, (w, _) => w + 1),
            Raw("raw UPDATE, tuned like the silo", rawTuned, (w, _) => w + 1));
        var meters = context.Meters.Take() - before;
        rows.Add(new($"{Callers} (one per caller)", r[0], r[1], true, meters));
        rows.Add(new($"{Callers} (one per caller), against the raw loop with the silo's Npgsql settings", r[0], r[2], false, meters));

        Console.WriteLine($"  {SpreadKeys:N0} keys, spread");
        before = context.Meters.Take();
        r = await LoadRunner.CompareAsync(settings,
            Grain("grain, spread", (w, i) => keys[KeyIndex(w, i)].IncrementDurableAsync(), context),
            Raw("raw UPDATE, spread", raw, (w, i) => KeyIndex(w, i) + 1));
        rows.Add(new($"{SpreadKeys:N0} (spread)", r[0], r[1], false, context.Meters.Take() - before));

        Console.WriteLine($"  one hot key, {Callers} callers");
        before = context.Meters.Take();
        r = await LoadRunner.CompareAsync(settings,
            Grain("grain, hot key", (_, _) => hot.IncrementDurableAsync(), context),
            Raw("raw UPDATE, hot row", raw, (_, _) => 1));
        rows.Add(new("1 (hot)", r[0], r[1], false, context.Meters.Take() - before));

        Console.WriteLine($"  pgbench, {Callers} clients");
        var pgbench = await PgbenchAsync(cluster, connectionString, settings);

        return Report(context, rows, pgbench);
    }

    private sealed record Row(string Keys, Summary Grain, Summary Raw, bool Targeted, OrleansMeters.Snapshot Meters);

    private static Variant Grain(string name, Func<int, long, Task> call, BenchContext context) =>
        new(name, Callers, call) { RecordLatency = true, Counter = () => context.Meters.Take().Count(OrleansMeters.StorageWrite) };

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

    private static string Report(BenchContext context, List<Row> rows, IReadOnlyList<PgbenchResult> pgbench)
    {
        var fsync = context.PostgresFacts.FirstOrDefault(f => f.Name == "fsync").Value ?? "?";
        var syncCommit = context.PostgresFacts.FirstOrDefault(f => f.Name == "synchronous_commit").Value ?? "?";
        var table = new MarkdownTable("keys", "grain writes/s (min–max)", "grain p50 / p99", "calls per storage write",
            "raw UPDATE writes/s (min–max)", "raw p50 / p99", "grain / raw", $"target ≥ {Format.Percent(Target)}");
        foreach (var row in rows)
        {
            var (grain, rawRow) = (row.Grain, row.Raw);
            var ratio = grain.CallsPerSecond / rawRow.CallsPerSecond;
            table.Row(row.Keys,
                $"{Format.Rate(grain.CallsPerSecond)} ({Format.Rate(grain.MinCallsPerSecond)}–{Format.Rate(grain.MaxCallsPerSecond)})",
                $"{grain.P50Ms:0.00} / {grain.P99Ms:0.00} ms",
                grain.CounterPerCall > 0 ? $"{1 / grain.CounterPerCall:0.0}" : "–",
                $"{Format.Rate(rawRow.CallsPerSecond)} ({Format.Rate(rawRow.MinCallsPerSecond)}–{Format.Rate(rawRow.MaxCallsPerSecond)})",
                $"{rawRow.P50Ms:0.00} / {rawRow.P99Ms:0.00} ms",
                ratio >= 2 ? Format.Ratio(ratio) : Format.Percent(ratio),
                row.Targeted ? (ratio >= Target ? "**met**" : "**missed**") : "(not the target row)");
        }

        var text = new StringBuilder();
        text.AppendLine($"""
            {Callers} tasks, each awaiting a durable grain call in a loop (`IBenchCounterGrain.IncrementDurableAsync`:
            `State.Value++`, then the product's `DurableGrain.WriteStateAsync()`; acknowledged only once PostgreSQL has
            committed it), against {Callers} tasks each running `UPDATE bench SET v = v + 1 WHERE id = $1` as an autocommit
            statement through an `NpgsqlDataSource` on the same connection string the silo's storage gets.
            The grain side is the product's storage as configured by `AddConcertationSilo` (Storage:Provider=Postgres):
            Orleans' stock `AdoNetGrainStorage` (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant `Npgsql`), the state
            in Orleans' binary serializer, our `WriteToStorageKey` query (one version-checked statement: an `UPDATE … WHERE
            version = @GrainStateVersion` and the first-write `INSERT` in one CTE). **The target row is {Callers} grains, one per
            caller** (every call is one storage write); the {SpreadKeys:N0}-key row lets callers meet on a key now and then, and the
            hot-key row shows the coalescing of a reentrant grain (calls made while a write is in flight share the next one).
            *Calls per storage write* counts Orleans' own `orleans-storage-write-latency` measurements. The silo gives Orleans'
            providers the connection string with `Max Auto Prepare=32;Auto Prepare Min Usages=2;No Reset On Close=true`
            (`PostgresProviderConnections.Tune`); the baseline uses the connection string as configured, and a second row compares
            the same grain runs with the raw loop given the silo's settings too.

            PostgreSQL runs with **fsync={fsync} and synchronous_commit={syncCommit}**: every acknowledged write,
            grain or raw, has reached the disk (PostgreSQL's own group commit shares WAL flushes between sessions).
            {context.Database.Describe()}; latency is per call, as each caller sees it. Target: grain writes/s ≥
            {Format.Percent(Target)} of the raw UPDATE loop, {Callers} grains against {Callers} rows.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine(Interference.Describe(rows.SelectMany(r => new[] { r.Grain, r.Raw })));
        text.AppendLine();
        text.AppendLine("Where the time goes, per acknowledged write (median run): CPU time from /proc of the bench process (callers, silo, " +
                        "Npgsql, GC) and of the PostgreSQL server (backends, WAL writer…), managed allocations, and the storage write " +
                        "as Orleans times it (`orleans-storage-write-latency`: serialize, open a pooled connection, run the query, read the version):");
        text.AppendLine();
        var cpu = new MarkdownTable("keys", "grain: .NET CPU", "grain: PostgreSQL CPU", "grain: bytes allocated", "storage write, Orleans' meter (mean)",
            "raw: .NET CPU", "raw: PostgreSQL CPU", "raw: bytes allocated");
        foreach (var row in rows)
            cpu.Row(row.Keys, $"{row.Grain.ProcessCpuMicrosPerCall:0} µs", $"{row.Grain.PostgresCpuMicrosPerCall:0} µs",
                $"{row.Grain.AllocatedBytesPerCall:N0} B", $"{row.Meters.Mean(OrleansMeters.StorageWrite):0.00} ms",
                $"{row.Raw.ProcessCpuMicrosPerCall:0} µs", $"{row.Raw.PostgresCpuMicrosPerCall:0} µs", $"{row.Raw.AllocatedBytesPerCall:N0} B");
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
        var target = rows.First(r => r.Targeted);
        var targetRatio = target.Grain.CallsPerSecond / target.Raw.CallsPerSecond;
        text.AppendLine(targetRatio >= Target
            ? $"**Reading: target met** — {Callers} grains write at {Format.Percent(targetRatio)} of the raw UPDATE loop's rate."
            : $"**Reading: target missed** — {Callers} grains write at {Format.Percent(targetRatio)} of the raw UPDATE loop's rate (target {Format.Percent(Target)}).");
        text.AppendLine();
        text.AppendLine($"- *Separate keys.* Both sides make one statement and one commit per call, so the ratio is the grain's extra cost " +
                        $"per write: on the {Callers}-key row {CpuPair(target.Grain)} of CPU (.NET + PostgreSQL) against {CpuPair(target.Raw)} " +
                        "for the raw UPDATE. The grain's statement is heavier — a seven-column key (hashes, service id, the grain id's " +
                        "halves and type string), the version check, the payload `bytea`, `updated_at`, and a CTE that also plans the " +
                        "first-write INSERT — and around it Orleans serializes the state, and the ADO.NET provider opens a pooled " +
                        "connection, builds nine parameters and reads the new version back through a data reader.");
        text.AppendLine($"- *What bounds both loops.* The raw loop kept {Cores(target.Raw):0.0} and the grain loop {Cores(target.Grain):0.0} " +
                        "of the 2 cores busy (CPU per write × writes/s, .NET and PostgreSQL together)" +
                        (Cores(target.Raw) >= 0.8 * Environment.ProcessorCount
                            ? ": with fsync on, PostgreSQL's group commit shares each WAL flush among the waiting sessions, so on this " +
                              "machine the limit is the CPU that client and server share, not the disk, and the grain's extra CPU per write " +
                              "is what the ratio measures."
                            : ": neither saturates the CPU, so waiting for WAL flushes and round trips bounds them, and the grain's " +
                              "extra CPU per write only partly shows in the ratio."));
        var hotRow = rows.First(r => r.Keys.StartsWith("1 ", StringComparison.Ordinal));
        text.AppendLine($"- *One hot key.* The raw loop serialises on the row lock: each UPDATE waits for the previous one to " +
                        $"commit. The reentrant grain commits every call made while its write is in flight in the next write " +
                        $"({(hotRow.Grain.CounterPerCall > 0 ? 1 / hotRow.Grain.CounterPerCall : 0):0.0} calls per storage write on average), " +
                        $"hence {Format.Ratio(hotRow.Grain.CallsPerSecond / hotRow.Raw.CallsPerSecond)} the raw throughput. " +
                        "Every call is still acknowledged only after the write holding its change has committed.");
        return text.ToString();
    }
}
