using System.Text;
using Collaboration.Bench.Harness;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// Telemetry's cost: the same workshop registrations over HTTP (as <see cref="SecondNodeScenario"/>) on a node with
/// tracing off and on a node with tracing on (<c>Telemetry:Tracing</c>: ASP.NET Core, Orleans and Npgsql spans, every
/// request sampled), rounds interleaved in the same run. Both nodes export over OTLP (HTTP/protobuf) to a sink in the
/// bench process, so metrics and logs cost both the same and the only difference is the traces, made and sent.
/// The figure is CPU per registration of the node and PostgreSQL, clients (and the sink) excluded.
/// </summary>
internal sealed class TracingCostScenario : IScenario
{
    public string Name => "tracing";

    public string Title => "Telemetry's cost: CPU per registration with tracing on against off";

    public async Task<string> RunAsync(BenchContext context)
    {
        var postgres = await context.GetPostgresAsync();
        await using var sink = await OtlpSink.StartAsync();
        (string, string?)[] Otlp(bool tracing) =>
        [
            ("OTEL_EXPORTER_OTLP_ENDPOINT", sink.Address.ToString().TrimEnd('/')),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("Telemetry:Tracing", tracing ? "true" : "false"),
        ];
        Console.WriteLine("  starting a node with tracing off and a node with tracing on…");
        await using var off = await NodeProcess.StartAsync(await postgres.CreateDatabaseAsync("tracing_off"), Otlp(tracing: false));
        await using var on = await NodeProcess.StartAsync(await postgres.CreateDatabaseAsync("tracing_on"), Otlp(tracing: true));
        SecondNodeScenario.Cluster offCluster = new("tracing off", [off], off.NewHttpClient(await off.OrganiserCookieAsync()), [off.NewHttpClient()]);
        SecondNodeScenario.Cluster onCluster = new("tracing on", [on], on.NewHttpClient(await on.OrganiserCookieAsync()), [on.NewHttpClient()]);

        var rounds = context.Quick ? 1 : 3;
        Console.WriteLine("  warm-up round");
        await SecondNodeScenario.RoundAsync(offCluster);
        await SecondNodeScenario.RoundAsync(onCluster);
        var traceBytesBefore = sink.TraceBytes;
        var results = new List<SecondNodeScenario.Round>();
        for (var i = 0; i < rounds; i++)
        {
            Console.WriteLine($"  round {i + 1}/{rounds}");
            results.Add(await SecondNodeScenario.RoundAsync(offCluster));
            results.Add(await SecondNodeScenario.RoundAsync(onCluster));
        }
        var traceBytes = sink.TraceBytes - traceBytesBefore;
        return Report(rounds, results, traceBytes);
    }

    private static string Report(int rounds, List<SecondNodeScenario.Round> all, long traceBytes)
    {
        static double Total(SecondNodeScenario.Round r) => r.NodesMs + r.PostgresMs;
        SecondNodeScenario.Round Median(string variant)
        {
            var rs = all.Where(r => r.Variant == variant).OrderBy(Total).ToList();
            return rs[rs.Count / 2] with { Errors = rs.Sum(r => r.Errors) };
        }
        var off = Median("tracing off");
        var on = Median("tracing on");
        var ratio = Total(on) / Total(off);
        var pairs = all.Where(r => r.Variant == "tracing off").Zip(all.Where(r => r.Variant == "tracing on"), (o, t) => Total(t) / Total(o)).ToList();
        var registrations = rounds * SecondNodeScenario.Registrations;
        var table = new MarkdownTable("node", "registrations/s", "p99", "CPU per registration: node + PostgreSQL", "clients' CPU", "errors (all rounds)", "on ÷ off");
        table.Row("**tracing off**", $"{off.PerSecond:N0}", $"{off.P99:0} ms", $"{off.NodesMs:0.00} + {off.PostgresMs:0.00} = {Total(off):0.00} ms",
            $"{off.ClientsMs:0.00} ms", $"{off.Errors}", "1.00×");
        table.Row("**tracing on**", $"{on.PerSecond:N0}", $"{on.P99:0} ms", $"{on.NodesMs:0.00} + {on.PostgresMs:0.00} = {Total(on):0.00} ms",
            $"{on.ClientsMs:0.00} ms", $"{on.Errors}", $"**{ratio:0.00}×** (per round pair: {string.Join(", ", pairs.Select(p => $"{p:0.00}×"))})");
        var text = new StringBuilder();
        text.AppendLine($"""
            {SecondNodeScenario.Registrations:N0} workshop registrations per round over HTTP (`POST /api/workshops/{"{id}"}/registrations`, the public
            form's call, its confirmation email included), {SecondNodeScenario.Clients} clients, on one node process with **tracing off** and one with
            **tracing on** (`Telemetry:Tracing=true`: spans of ASP.NET Core, Orleans' grain calls and Npgsql, every request sampled), each on
            its own PostgreSQL database. Both export over OTLP (`OTEL_EXPORTER_OTLP_ENDPOINT`, HTTP/protobuf) to a sink in the bench process
            that reads each export and answers 200, as a collector would: metrics and logs cost both nodes the same, and the difference is
            the traces, made and sent. CPU from /proc for the node and PostgreSQL, clients (and the sink) excluded; median of {rounds} round
            pair(s), interleaved, after a warm-up pair.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine($"Traces exported during the measured rounds: {traceBytes / 1024.0 / 1024.0:0.0} MB ({traceBytes / (double)registrations:N0} bytes per registration).");
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** Tracing every request costs {ratio:0.00}× the CPU per registration ({Total(on) - Total(off):0.00} ms more): the spans of
            the request, of each grain call and of each SQL command, and their export. It is off unless an OTLP endpoint is set
            (`Telemetry:Tracing` turns it on or off either way).
            """);
        return text.ToString();
    }
}
