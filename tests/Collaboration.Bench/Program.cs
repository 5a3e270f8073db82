using System.Diagnostics;
using Collaboration.Bench.Harness;
using Collaboration.Bench.Scenarios;

// dotnet run -c Release --project tests/Collaboration.Bench -- [scenario…] [--quick] [--write]
//   no scenario: runs them all and rewrites docs/benchmarks.md
//   scenario…:   runs those and prints their sections (--write replaces just those sections in the file)
//   --quick:     short runs, for checking the harness (never writes unless --write is given)
//   --shared "…": says in docs/benchmarks.md that the machine was shared, and with what

IScenario[] all =
[
    new GrainCallsScenario(), new PostgresWritesScenario(), new WorkshopsScenario(), new ColloqueCheckInScenario(), new ColloqueSignupsScenario(), new MeetingsFanOutScenario(), new MailScenario(),
    new PortalScenario(), new AttestationsScenario(), new SignupsStateScenario(), new SecondNodeScenario(), new MeetingVotesScenario(),
    new ProxyFanOutScenario(), new TracingCostScenario(), new PresenceScenario(),
];

var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--shared")).ToList();
var quick = args.Contains("--quick");
var forceWrite = args.Contains("--write");
if (args.Contains("--help") || args.Contains("--list"))
{
    Console.WriteLine("Usage: dotnet run -c Release --project tests/Collaboration.Bench -- [scenario…] [--quick] [--write] [--shared \"what else ran\"]");
    Console.WriteLine("Scenarios:");
    foreach (var s in all) Console.WriteLine($"  {s.Name,-10} {s.Title}");
    return 0;
}

var unknown = names.Where(n => all.All(s => !string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(s => s.Name))}.");
    return 2;
}

var selected = names.Count == 0
    ? all
    : all.Where(s => names.Any(n => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToArray();
var fullRun = selected.Length == all.Length && names.Count == 0;
var write = forceWrite || (fullRun && !quick);
var command = "dotnet run -c Release --project tests/Collaboration.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");

#if DEBUG
Console.Error.WriteLine("warning: a Debug build; run with -c Release for figures worth writing down.");
#endif

var startedAt = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var sections = new Dictionary<string, string>(StringComparer.Ordinal);
await using (var context = new BenchContext(quick) { SharedMachine = Option("--shared") })
{
    foreach (var scenario in selected)
    {
        Console.WriteLine($"== {scenario.Title} ({scenario.Name})");
        var body = await scenario.RunAsync(context);
        sections[scenario.Name] = body.TrimEnd() + $"\n\n_Measured {startedAt:yyyy-MM-dd HH:mm} UTC by `{command}`._";
    }

    var took = clock.Elapsed;
    if (!write)
    {
        Console.WriteLine();
        foreach (var scenario in selected) Console.WriteLine($"## {scenario.Title}\n\n{sections[scenario.Name]}\n");
        return 0;
    }

    var path = Path.Combine(FindRepositoryRoot(), BenchmarksDocument.RelativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var existing = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
    var text = fullRun || existing is null
        ? BenchmarksDocument.Compose(command, startedAt, took, context, all, sections)
        : BenchmarksDocument.Update(existing, selected, sections);
    await File.WriteAllTextAsync(path, text);
    Console.WriteLine($"Wrote {path} ({took.TotalMinutes:0.0} min).");
}
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln"))) return dir.FullName;
        }
    }
    throw new InvalidOperationException("Collaboration.sln not found above the current folder; run from the repository.");
}
