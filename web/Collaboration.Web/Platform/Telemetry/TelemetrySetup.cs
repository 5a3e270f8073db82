using Collaboration.Grains.Platform;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Collaboration.Web.Platform.Telemetry;

/// <summary>
/// OpenTelemetry for the node: metrics of ASP.NET Core (and SignalR, Kestrel), Orleans' own meters, Npgsql, the .NET
/// runtime and the product (<see cref="ConcertationMetrics"/>), scraped from <c>/metrics</c> (Prometheus, only from
/// <c>Telemetry:MetricsNetworks</c>, never through the proxy: <see cref="MetricsAccess"/>); traces of an HTTP request
/// through the Orleans grain calls it makes (Orleans' activity propagation) down to each SQL command (Npgsql), when
/// <c>Telemetry:Tracing</c> is on — by default only when an OTLP endpoint is set, since spans nobody collects are pure
/// cost. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and the other standard <c>OTEL_*</c> variables) sends traces, metrics
/// and logs over OTLP. <c>Telemetry:Metrics</c> (on by default) turns the metrics off: the test hosts do, since a meter
/// provider keeps a buffer per instrument of every meter it follows (some 150 here, half a megabyte each).
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "concertation";
    public const string MetricsPath = "/metrics";

    /// <summary>The ActivitySources of Orleans' grain calls (client side and grain side).</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        if (MetricsOn(configuration))
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR") // live connections
                .AddMeter("Microsoft.Orleans")
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ConcertationMetrics.MeterName)
                .AddPrometheusExporter());
        }
        if (configuration.GetValue("Telemetry:Tracing", otlp))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddSource(OrleansSources)
                .AddNpgsql());
        }
        if (otlp) telemetry.UseOtlpExporter();
        services.AddSingleton<MetricsAccess>();
        services.AddSingleton<IBannerLine>(new BannerLine(() =>
            "  Télémétrie / Telemetry: " + (MetricsOn(configuration) ? $"{MetricsPath} (Prometheus, {string.Join(", ", MetricsAccess.Networks(configuration))})" : "metrics off") +
            (otlp ? $", OTLP → {configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]}" : "") +
            (configuration.GetValue("Telemetry:Tracing", otlp) ? ", traces on" : "")));
        return services;
    }

    public static bool MetricsOn(IConfiguration configuration) => configuration.GetValue("Telemetry:Metrics", true);

    /// <summary>The Prometheus scrape endpoint, answered only to <see cref="MetricsAccess"/>'s networks (none when the metrics are off).</summary>
    public static void MapMetrics(this IEndpointRouteBuilder app)
    {
        if (!MetricsOn(app.ServiceProvider.GetRequiredService<IConfiguration>())) return;
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (context.RequestServices.GetRequiredService<MetricsAccess>().Allows(context)) await next(context);
                else context.Response.StatusCode = StatusCodes.Status404NotFound; // not there, as far as the public knows
            }), optionsName: null);
    }
}
