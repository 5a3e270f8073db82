using System.Globalization;

namespace Collaboration.Bench.Harness;

/// <summary>CPU seconds of a process and its direct children (nginx's master and worker), from /proc; 0 elsewhere.</summary>
internal static class ProcessCpu
{
    public static double WithChildren(int parent)
    {
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // pid (comm) state ppid … utime(14) stime(15): comm may hold spaces, so split after ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid != parent && int.Parse(rest[1], CultureInfo.InvariantCulture) != parent) continue;
                ticks += long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The process ended meanwhile.
            }
        }
        return ticks / 100.0; // USER_HZ
    }
}
