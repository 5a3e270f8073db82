using Collaboration.Bench;
using Collaboration.Bench.Workshops;

// dotnet run -c Release --project tests/Collaboration.Bench [-- scenario…]
// Runs each scenario beside its baseline and rewrites its section of docs/benchmarks.md.
var scenarios = new Dictionary<string, Func<Task<BenchSection>>>(StringComparer.OrdinalIgnoreCase)
{
    ["workshops"] = WorkshopRegistrationBenchmark.RunAsync,
};
var chosen = args.Length == 0 ? scenarios.Keys.ToList() : [.. args];
foreach (var name in chosen)
{
    if (!scenarios.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"Unknown scenario '{name}'. Known: {string.Join(", ", scenarios.Keys)}");
        return 2;
    }
    var section = await run();
    Console.WriteLine(section.Markdown);
    BenchmarksFile.ReplaceSection(section);
}
return 0;
