using System.Diagnostics;
using System.Net.Http.Json;
using Collaboration.Testing;
using Collaboration.Web.Platform.Telemetry;
using Collaboration.Web.Tests.Live;
using OpenTelemetry.Trace;

namespace Collaboration.Web.Tests.Telemetry;

/// <summary>
/// Traces on PostgreSQL: one HTTP request's trace reaches the Orleans grain call it makes (Orleans' activity
/// propagation) and the SQL command that writes the grain's state (Npgsql), with one trace id — what an OTLP
/// backend shows; here OpenTelemetry's in-memory exporter collects the spans.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TracingTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HttpRequest_TraceReachesTheGrainCall_AndTheSqlCommand_WithOneTraceId()
    {
        // Arrange: a node on PostgreSQL with tracing on, its spans kept in memory
        var spans = new CollectedSpans();
        var database = await postgres.CreateDatabaseAsync("tracing");
        await using var node = new ConcertationFactory(database, kestrel: false,
            services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)),
            ("Telemetry:Tracing", "true"));
        using var organiser = await node.CreateOrganiserClientAsync().WaitAsync(Timeout);

        // Act: one request that writes a grain
        var response = await organiser.PostAsJsonAsync("/api/tables", new { name = "Table de la MRC de Joliette", quorum = 3 }).WaitAsync(Timeout);
        response.EnsureSuccessStatusCode();

        // Assert: the request's span, a grain call and an SQL command, one trace
        var request = await Poll.UntilAsync(() => Task.FromResult(spans.FirstOrDefault(IsTableCreation)), s => s is not null, Timeout,
            "the span of POST /api/tables");
        var trace = request!.TraceId;
        var inTrace = spans.Where(s => s.TraceId == trace).ToList();
        Assert.Contains(inTrace, s => TelemetrySetup.OrleansSources.Contains(s.Source.Name));
        Assert.Contains(inTrace, s => s.Source.Name == "Npgsql" && s.Kind == ActivityKind.Client);
        Assert.All(inTrace.Where(s => s != request), s => Assert.NotEqual(default, s.ParentSpanId));
    }

    private static bool IsTableCreation(Activity span) =>
        span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("POST", StringComparison.Ordinal)
        && span.GetTagItem("http.route") is "/api/tables" or "/api/tables/";
}
