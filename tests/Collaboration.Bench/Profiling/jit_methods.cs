#:package Microsoft.Diagnostics.Tracing.TraceEvent@3.1.21
#:property ManagePackageVersionsCentrally=false
// Lists the methods a node compiled during a JIT trace (dotnet-trace collect -p PID --providers
// Microsoft-Windows-DotNETRuntime:0x10:5 --duration …), by how often, with their tier: what a node was still compiling.
// Run: dotnet run jit_methods.cs -- TRACE.nettrace [how many lines, 40 by default]
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);
var counts = new Dictionary<string, int>();
var tiers = new Dictionary<string, int>();
var total = 0;
foreach (var e in log.Events)
{
    if (e is not MethodLoadUnloadVerboseTraceData m) continue;
    if (m.EventName != "Method/LoadVerbose") continue; // unloads and rundown name methods compiled earlier
    total++;
    tiers[m.OptimizationTier.ToString()] = tiers.GetValueOrDefault(m.OptimizationTier.ToString()) + 1;
    var name = m.OptimizationTier + " " + m.MethodNamespace + "::" + m.MethodName;
    counts[name] = counts.GetValueOrDefault(name) + 1;
}
Console.WriteLine($"{total} methods compiled: " + string.Join(", ", tiers.OrderByDescending(t => t.Value).Select(t => $"{t.Value} {t.Key}")));
foreach (var (k, v) in counts.OrderByDescending(x => x.Value).ThenBy(x => x.Key).Take(int.Parse(args.Length > 1 ? args[1] : "40"))) Console.WriteLine($"{v} {(k.Length > 200 ? k[..200] : k)}");
