using System.Runtime;
using System.Runtime.InteropServices;

namespace Collaboration.Bench.Harness;

/// <summary>What the figures were measured on.</summary>
internal static class MachineInfo
{
    public static IEnumerable<(string Name, string Value)> Describe()
    {
        yield return ("Logical cores (nproc)", Environment.ProcessorCount.ToString());
        yield return ("CPU", ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString());
        yield return ("Memory", MemTotal());
        yield return ("OS", $"{OsRelease() ?? RuntimeInformation.OSDescription} (kernel {Environment.OSVersion.Version})");
        yield return (".NET", $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}, " +
                              $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Configuration}");
    }

#if DEBUG
    public const string Configuration = "Debug build (figures not representative)";
#else
    public const string Configuration = "Release build";
#endif

    private static string? ProcField(string file, string field)
    {
        try
        {
            return File.ReadLines(file)
                .Where(l => l.StartsWith(field, StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':') + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string MemTotal()
    {
        var kb = ProcField("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, out var value) ? $"{value / 1024.0 / 1024.0:0.0} GiB" : "unknown";
    }

    private static string? OsRelease()
    {
        try
        {
            return File.ReadLines("/etc/os-release")
                .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"'))
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
