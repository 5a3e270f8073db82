using System.Diagnostics;

namespace Collaboration.Bench.Harness;

/// <summary>How long and how often each variant is measured.</summary>
internal sealed record RunSettings(TimeSpan Warmup, TimeSpan Duration, int Repetitions)
{
    public string Describe() =>
        $"{Repetitions} runs of {Duration.TotalSeconds:0.#} s each after a {Warmup.TotalSeconds:0.#} s warm-up, median reported";
}

/// <summary>
/// One thing to measure: <see cref="Concurrency"/> callers, each looping
/// <c>await Operation(caller, iteration)</c> until the run's deadline.
/// </summary>
internal sealed record Variant(string Name, int Concurrency, Func<int, long, Task> Operation)
{
    /// <summary>Time every call (for p50/p99). Costs two timestamps per call: use it for I/O-bound calls.</summary>
    public bool RecordLatency { get; init; }

    /// <summary>How many calls a caller makes between looks at the clock.</summary>
    public int CallsPerClockCheck { get; init; } = 1;

    /// <summary>
    /// Optional counter sampled before and after each run (e.g. storage writes); the summary
    /// reports its increase per call.
    /// </summary>
    public Func<long>? Counter { get; init; }
}

/// <summary>The outcome of one timed run.</summary>
internal sealed record RunSample(long Calls, TimeSpan Elapsed, double P50Ms, double P99Ms, long CounterDelta, CpuSnapshot Cpu,
    long AllocatedBytes = 0, int Gen0Collections = 0, int Gen2Collections = 0)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    /// <summary>Share of the whole machine (all cores) used by other work during the run.</summary>
    public double OtherShare => Cpu.Other / (Elapsed.TotalSeconds * Environment.ProcessorCount);
}

/// <summary>The repetitions of one variant, summarised by their median.</summary>
internal sealed record Summary(string Name, int Concurrency, IReadOnlyList<RunSample> Runs)
{
    public double CallsPerSecond => Stats.Median(Runs.Select(r => r.CallsPerSecond));

    public double MinCallsPerSecond => Runs.Min(r => r.CallsPerSecond);

    public double MaxCallsPerSecond => Runs.Max(r => r.CallsPerSecond);

    /// <summary>Wall time per call, all callers together: 1 / throughput.</summary>
    public double NanosecondsPerCall => 1e9 / CallsPerSecond;

    public double P50Ms => Stats.Median(Runs.Select(r => r.P50Ms));

    public double P99Ms => Stats.Median(Runs.Select(r => r.P99Ms));

    public double CounterPerCall => Stats.Median(Runs.Select(r => r.Calls == 0 ? 0 : (double)r.CounterDelta / r.Calls));

    /// <summary>CPU of this process per call, in µs (all its threads: callers, host, GC, Npgsql).</summary>
    public double ProcessCpuMicrosPerCall => Stats.Median(Runs.Select(r => r.Cpu.Process * 1e6 / r.Calls));

    /// <summary>CPU of the benchmark's PostgreSQL per call, in µs.</summary>
    public double PostgresCpuMicrosPerCall => Stats.Median(Runs.Select(r => r.Cpu.Postgres * 1e6 / r.Calls));

    public double MaxOtherShare => Runs.Max(r => r.OtherShare);

    /// <summary>Bytes allocated on the managed heap per call, by the whole process (callers included).</summary>
    public double AllocatedBytesPerCall => Stats.Median(Runs.Select(r => r.Calls == 0 ? 0 : (double)r.AllocatedBytes / r.Calls));

    /// <summary>Gen-0 collections per million calls.</summary>
    public double Gen0PerMillionCalls => Stats.Median(Runs.Select(r => r.Calls == 0 ? 0 : r.Gen0Collections * 1e6 / r.Calls));
}

/// <summary>
/// A plain Stopwatch harness: warm-up, then several fixed-duration runs, medians. Variants that
/// are compared with each other are interleaved (A, B, A, B…) so that drift on the machine —
/// a checkpoint, another process — hits both alike.
/// </summary>
internal static class LoadRunner
{
    public static async Task<IReadOnlyList<Summary>> CompareAsync(RunSettings settings, params Variant[] variants)
    {
        foreach (var variant in variants)
            await RunOnceAsync(variant, settings.Warmup).ConfigureAwait(false);

        var samples = variants.Select(_ => new List<RunSample>()).ToArray();
        for (var r = 0; r < settings.Repetitions; r++)
        {
            for (var v = 0; v < variants.Length; v++)
                samples[v].Add(await RunOnceAsync(variants[v], settings.Duration).ConfigureAwait(false));
        }

        var summaries = variants.Select((v, i) => new Summary(v.Name, v.Concurrency, samples[i])).ToList();
        foreach (var s in summaries)
        {
            Console.WriteLine(
                $"    {s.Name,-34} x{s.Concurrency,-3} {Format.Rate(s.CallsPerSecond),10} calls/s  {Format.Nanoseconds(s.NanosecondsPerCall),10}/call" +
                (variants.First(v => v.Name == s.Name).RecordLatency ? $"  p50 {s.P50Ms:0.00} ms  p99 {s.P99Ms:0.00} ms" : "") +
                $"  (others used up to {Format.Percent(s.MaxOtherShare)} of the machine)");
        }
        return summaries;
    }

    public static async Task<RunSample> RunOnceAsync(Variant variant, TimeSpan duration)
    {
        // Start every run from the same heap shape.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var counterBefore = variant.Counter?.Invoke() ?? 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var gen0Before = GC.CollectionCount(0);
        var gen2Before = GC.CollectionCount(2);
        var cpuBefore = CpuSampler.Take();
        var latencies = variant.RecordLatency ? new List<long>[variant.Concurrency] : null;
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<long>[variant.Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            var worker = w;
            if (latencies is not null) latencies[worker] = new List<long>(16_384);
            workers[w] = Task.Run(() => WorkerAsync(variant, worker, deadline, latencies?[worker]));
        }
        var counts = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = CpuSampler.Take() - cpuBefore;
        var counterDelta = (variant.Counter?.Invoke() ?? 0) - counterBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var gen0 = GC.CollectionCount(0) - gen0Before;
        var gen2 = GC.CollectionCount(2) - gen2Before;

        double p50 = 0, p99 = 0;
        if (latencies is not null)
        {
            var all = latencies.SelectMany(l => l).ToArray();
            Array.Sort(all);
            p50 = Stats.Percentile(all, 0.50) * 1000.0 / Stopwatch.Frequency;
            p99 = Stats.Percentile(all, 0.99) * 1000.0 / Stopwatch.Frequency;
        }
        return new RunSample(counts.Sum(), elapsed, p50, p99, counterDelta, cpu, allocated, gen0, gen2);
    }

    private static async Task<long> WorkerAsync(Variant variant, int worker, long deadline, List<long>? latencies)
    {
        var operation = variant.Operation;
        var batch = Math.Max(1, variant.CallsPerClockCheck);
        long calls = 0;
        // Bounded: every caller stops at the deadline (checked every `batch` calls).
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (latencies is null)
            {
                for (var k = 0; k < batch; k++)
                    await operation(worker, calls + k).ConfigureAwait(false);
            }
            else
            {
                for (var k = 0; k < batch; k++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await operation(worker, calls + k).ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetTimestamp() - t0);
                }
            }
            calls += batch;
        }
        return calls;
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

internal static class Format
{
    public static string Rate(double perSecond) => perSecond switch
    {
        >= 1e6 => $"{perSecond / 1e6:0.00} M",
        >= 1e4 => $"{perSecond / 1e3:0.0} k",
        _ => $"{perSecond:0}",
    };

    public static string Nanoseconds(double ns) => ns switch
    {
        >= 1e6 => $"{ns / 1e6:0.00} ms",
        >= 1e4 => $"{ns / 1e3:0.0} µs",
        _ => $"{ns:0} ns",
    };

    public static string Ratio(double ratio) => ratio >= 10 ? $"{ratio:0}×" : $"{ratio:0.0#}×";

    public static string Percent(double fraction) => $"{fraction * 100:0}%";
}
