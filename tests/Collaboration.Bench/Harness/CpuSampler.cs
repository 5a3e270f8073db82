using System.Diagnostics;
using System.Globalization;

namespace Collaboration.Bench.Harness;

/// <summary>CPU seconds used so far: by the whole machine, by this process, by the benchmark's PostgreSQL.</summary>
internal readonly record struct CpuSnapshot(double Machine, double Process, double Postgres)
{
    public static CpuSnapshot operator -(CpuSnapshot a, CpuSnapshot b) =>
        new(a.Machine - b.Machine, a.Process - b.Process, a.Postgres - b.Postgres);

    /// <summary>What neither this process nor its PostgreSQL used: other work sharing the machine.</summary>
    public double Other => Math.Max(0, Machine - Process - Postgres);
}

/// <summary>
/// Reads CPU time from /proc (Linux; zeros elsewhere), so each run can say how much CPU the bench,
/// its PostgreSQL and everything else used — the last one tells whether the figures were disturbed.
/// </summary>
internal static class CpuSampler
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux we run on

    /// <summary>The benchmark cluster's postmaster; its children are its backends.</summary>
    public static int? PostgresPid { get; set; }

    public static CpuSnapshot Take()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSnapshot(MachineBusySeconds(), self.TotalProcessorTime.TotalSeconds, PostgresSeconds());
    }

    private static double MachineBusySeconds()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal …
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var busy = fields.Sum() - fields[3] - fields[4] - fields[7];
            return busy / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    private static double PostgresSeconds()
    {
        if (PostgresPid is not { } postmaster) return 0;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17); comm may hold spaces,
                // so split after ')'. The postmaster's cutime/cstime hold the CPU of backends that have
                // exited (a pooled connection closed between two snapshots), so the sum never goes back.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(rest[1], CultureInfo.InvariantCulture);
                if (pid != postmaster && ppid != postmaster) continue;
                ticks += long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
                if (pid == postmaster)
                    ticks += long.Parse(rest[13], CultureInfo.InvariantCulture) + long.Parse(rest[14], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The process ended meanwhile.
            }
        }
        return ticks / TicksPerSecond;
    }
}
