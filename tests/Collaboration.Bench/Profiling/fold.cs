#:package Microsoft.Diagnostics.Tracing.TraceEvent@3.1.21
#:property ManagePackageVersionsCentrally=false
// Folds a CPU-sampling trace (dotnet-trace collect-linux --profile cpu-sampling -p PID) into one line per distinct
// stack, "root;…;leaf count", for where_cpu_goes.py. Run: dotnet run fold.cs -- TRACE.nettrace OUT.folded [PID]
using Microsoft.Diagnostics.Tracing.Etlx;

var etlx = TraceLog.CreateFromEventPipeDataFile(args[0]);
using var log = new TraceLog(etlx);
var counts = new Dictionary<string, long>();
var frames = new List<string>();
int? pid = args.Length > 2 ? int.Parse(args[2]) : null;
foreach (var e in log.Events)
{
    if (pid is { } only && e.ProcessID != only) continue;
    var stack = e.CallStack();
    if (stack is null) continue;
    frames.Clear();
    for (var s = stack; s is not null; s = s.Caller)
    {
        var name = s.CodeAddress.FullMethodName;
        frames.Add((string.IsNullOrEmpty(name) ? (s.CodeAddress.ModuleName ?? "") + "!?" : name).Replace(';', ','));
    }
    frames.Reverse();
    var key = string.Join(";", frames);
    counts[key] = counts.GetValueOrDefault(key) + 1;
}
using var output = new StreamWriter(args[1]);
foreach (var (key, count) in counts) output.WriteLine($"{key} {count}");
Console.WriteLine($"{counts.Values.Sum()} samples, {counts.Count} stacks");
