using System.Diagnostics;
using System.Globalization;
using System.Text;
using Collaboration.Grains.Workshops;
using Collaboration.Silo.Storage;
using Collaboration.Testing;
using Npgsql;

namespace Collaboration.Bench.Workshops;

/// <summary>
/// Durable registrations per second on ONE hot workshop session (one grain) on PostgreSQL with 64
/// concurrent clients, beside the raw Npgsql write baseline (64 clients, one INSERT each, autocommit)
/// in the same run. Every registration is acknowledged only once its write is durable; the host
/// group-commits the calls queued on the grain into one write.
/// </summary>
public static class WorkshopRegistrationBenchmark
{
    private const int Clients = 64;
    private const int BaselineWrites = 20_000;
    private const int Registrations = 10_000;
    private const int Block = 1_000;

    public static async Task<BenchSection> RunAsync(PostgresCluster cluster)
    {
        var inv = CultureInfo.InvariantCulture;

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

        // Baseline: raw Npgsql, 64 clients, one autocommitted INSERT per operation.
        var baselineDb = await cluster.CreateDatabaseAsync("bench_raw");
        var (baselineRate, baselineLatencies) = await RawWritesAsync(baselineDb);
        Console.WriteLine(string.Create(inv, $"raw Npgsql: {baselineRate:F0}/s, p99 {baselineLatencies.Percentile(99):F1} ms"));

        // One hot session.
        var database = await cluster.CreateDatabaseAsync("bench_workshop");
        await using var silo = await SiloTestHost.StartPostgresAsync(database, new SiloTestSetup([typeof(WorkshopSessionGrain).Assembly]));
        var id = Guid.NewGuid();
        var session = silo.Grains.GetGrain<IWorkshopSessionGrain>(id);
        var now = DateTimeOffset.UtcNow;
        await session.CreateAsync(new WorkshopDetails("Banc d'essai", "Benchmark", "", "", now.AddDays(30), now.AddDays(30).AddHours(3),
            "Rimouski", null, now.AddDays(-1), now.AddDays(29)), capacity: 5_000);

        // Count the host's writes and group-commit batch sizes while the registrations run.
        long hostWrites = 0, batchedCalls = 0;
        var maxBatch = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Collaboration.Silo.Runtime.SiloMetrics.MeterName &&
                instrument.Name is "concertation.grain.writes" or "concertation.grain.write.batch_size")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref hostWrites, value));
        listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Add(ref batchedCalls, value);
            int seen;
            while (value > (seen = Volatile.Read(ref maxBatch)) && Interlocked.CompareExchange(ref maxBatch, value, seen) != seen) { }
        });
        listener.Start();

        var latencies = new Latencies(Registrations);
        var blockDone = new long[Registrations / Block];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Registrations)
            {
                var t0 = Stopwatch.GetTimestamp();
                var outcome = await session.RegisterAsync(new RegistrationRequest($"B{i:D7}", $"hash-{i}", $"Entreprise {i}",
                    $"Contact {i}", $"employeur{i}@exemple.qc.ca", "418 555-0100", 1, "Manufacturier", true));
                if (outcome.Result != RegistrationResult.Ok) throw new InvalidOperationException(outcome.Result.ToString());
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                var done = latencies.Count;
                if (done % Block == 0) blockDone[done / Block - 1] = Stopwatch.GetTimestamp();
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        listener.Dispose();
        var rate = Registrations / elapsed.TotalSeconds;
        var stored = await silo.Storage.ReadStateAsync(new Collaboration.Grains.Runtime.GrainId("workshop", id.ToString("D")));
        var stateKb = Encoding.UTF8.GetByteCount(stored!.Json) / 1024.0;
        var writes = stored.Version;
        var firstBlock = Block / Stopwatch.GetElapsedTime(started, blockDone[0]).TotalSeconds;
        var lastBlock = Block / Stopwatch.GetElapsedTime(blockDone[^2], blockDone[^1]).TotalSeconds;
        Console.WriteLine(string.Create(inv, $"workshop: {rate:F0}/s, p99 {latencies.Percentile(99):F1} ms, state {stateKb:F0} KiB"));

        // Where a write's time goes at the final size: serializing the state, and PostgreSQL storing it.
        var state = System.Text.Json.JsonSerializer.Deserialize<WorkshopSessionState>(stored.Json, Collaboration.Silo.Runtime.GrainJson.Options)!;
        var serializeMs = Time(20, () => System.Text.Json.JsonSerializer.Serialize(state, Collaboration.Silo.Runtime.GrainJson.Options));
        await using var raw = NpgsqlDataSource.Create(database);
        await using (var create = raw.CreateCommand("CREATE TABLE bench_state (id int PRIMARY KEY, state jsonb NOT NULL)"))
            await create.ExecuteNonQueryAsync();
        var storeMs = await TimeAsync(10, async i =>
        {
            await using var upsert = raw.CreateCommand("INSERT INTO bench_state VALUES (1, $1::jsonb) ON CONFLICT (id) DO UPDATE SET state = excluded.state");
            upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stored.Json });
            await upsert.ExecuteNonQueryAsync();
        });

        var md = new StringBuilder();
        md.AppendLine("## Workshops");
        md.AppendLine();
        md.AppendLine(string.Create(inv, $"Durable registrations on ONE hot workshop session (one grain, `IWorkshopSessionGrain.RegisterAsync`, 1 seat each) on PostgreSQL, {Clients} concurrent clients, {Registrations:N0} registrations into an empty session (capacity 5,000: the first 5,000 are confirmed, the rest waitlisted). Every acknowledgement is durable. Baseline: raw Npgsql, {Clients} clients, one autocommitted single-row INSERT per operation, {BaselineWrites:N0} writes, same cluster, same run."));
        md.AppendLine();
        md.AppendLine("| what | per second | p50 | p99 |");
        md.AppendLine("|---|---:|---:|---:|");
        md.AppendLine(string.Create(inv, $"| raw Npgsql INSERT (baseline) | {baselineRate:N0} | {baselineLatencies.Percentile(50):F1} ms | {baselineLatencies.Percentile(99):F1} ms |"));
        md.AppendLine(string.Create(inv, $"| registrations, one session, whole run | {rate:N0} | {latencies.Percentile(50):F1} ms | {latencies.Percentile(99):F1} ms |"));
        md.AppendLine(string.Create(inv, $"| registrations, first {Block:N0} (small state) | {firstBlock:N0} | {latencies.Percentile(50, 0, Block):F1} ms | {latencies.Percentile(99, 0, Block):F1} ms |"));
        md.AppendLine(string.Create(inv, $"| registrations, last {Block:N0} (state ≈ {stateKb:N0} KiB) | {lastBlock:N0} | {latencies.Percentile(50, Registrations - Block, Registrations):F1} ms | {latencies.Percentile(99, Registrations - Block, Registrations):F1} ms |"));
        md.AppendLine();
        md.AppendLine(string.Create(inv, $"Group commit: {hostWrites:N0} grain writes for {Registrations:N0} registrations (mean {(double)batchedCalls / Math.Max(1, hostWrites):F1} calls per write, largest batch {maxBatch}). Final state JSON: {stateKb:N0} KiB (≈ {stateKb * 1024 / Registrations:F0} bytes per registration), stored at version {writes:N0}."));
        md.AppendLine();
        md.AppendLine(string.Create(inv, $"At the final size, one write costs about {serializeMs:F0} ms to serialize the state in .NET and {storeMs:F0} ms for PostgreSQL to store it as `jsonb` (one upsert of the same JSON, measured alone after the run)."));
        md.AppendLine();
        md.AppendLine(string.Create(inv, $"Machine: {Environment.ProcessorCount} cores, load average at start `{load}` (shared with other builds), PostgreSQL 15 throw-away cluster on the same machine, .NET {Environment.Version}."));
        md.AppendLine();
        md.AppendLine("Command: `dotnet run -c Release --project tests/Collaboration.Bench -- workshops`");
        md.AppendLine();
        md.AppendLine("**Reading it against the 1,000/s target.** The target holds while the session is small (the \"first 1,000\" line: a real workshop has 20–50 seats and a waitlist of tens), and is not sustained as one session grows to thousands of registrations. Group commit works (tens of calls per write, see above), so the rate is (calls per write) ÷ (time per write), and the time per write is what grows. It grows with the session because the host stores a grain's WHOLE state at every write, and a session's state holds every registration (~400 bytes each as JSON, then parsed into `jsonb`, TOASTed and WAL-logged by PostgreSQL — the measured split above shows PostgreSQL's side dominates). At thousands of registrations each write carries megabytes and the rate falls in proportion. The grain's own work per call (counting seats, finding an email) is a linear scan too, but costs far less than the write. The fix belongs in the host, not the grain: store state as a snapshot plus appended events (registrations appended to the event log, snapshot every N writes), or let a grain keep large collections in per-item rows written only when changed; either makes the bytes per write proportional to the calls in the batch, not to the session's size. A cheaper stop-gap inside the feature — shorter JSON names, no nulls — would cut the bytes by about a third, not change the slope.");
        md.AppendLine();
        return new BenchSection("Workshops", md.ToString());
    }

    private static double Time(int times, Action action)
    {
        action();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < times; i++) action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds / times;
    }

    private static async Task<double> TimeAsync(int times, Func<int, Task> action)
    {
        await action(-1);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < times; i++) await action(i);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds / times;
    }

    private static async Task<(double Rate, Latencies Latencies)> RawWritesAsync(string connectionString)
    {
        await using var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxPoolSize = Clients + 4 } }.Build();
        await using (var create = dataSource.CreateCommand("CREATE TABLE bench_rows (id bigint PRIMARY KEY, data text NOT NULL)"))
            await create.ExecuteNonQueryAsync();
        var latencies = new Latencies(BaselineWrites);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < BaselineWrites)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using var command = dataSource.CreateCommand("INSERT INTO bench_rows (id, data) VALUES ($1, $2)");
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = i });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"Entreprise {i} employeur{i}@exemple.qc.ca" });
                await command.ExecuteNonQueryAsync();
                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));
        return (BaselineWrites / Stopwatch.GetElapsedTime(started).TotalSeconds, latencies);
    }
}
