using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Collaboration.Web.Tests.Telemetry;

/// <summary>
/// /metrics (Prometheus, OpenTelemetry's exporter) answers only direct requests from <c>Telemetry:MetricsNetworks</c>
/// (loopback by default), never one that came through the proxy. What it shows: <see cref="MetricsScrapeTests"/>.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ConcertationFactory _node = new(null, kestrel: true, ("Telemetry:Metrics", "true"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Scrape_Answers_ADirectRequestFromLoopback()
    {
        using var client = _node.CreateClient();

        var response = await client.GetAsync("/metrics").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheMetricsOff_ThereIsNoMeterProvider_AndNoScrape()
    {
        await using var quiet = new ConcertationFactory();
        using var client = quiet.CreateClient();

        var response = await client.GetAsync("/metrics").WaitAsync(Timeout);

        Assert.Null(quiet.Services.GetService<MeterProvider>()); // what every other test node runs with: no buffers per instrument
        Assert.NotNull(_node.Services.GetService<MeterProvider>());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Scrape_IsNotFound_ForARequestThatCameThroughTheProxy()
    {
        // Arrange: what nginx adds to every request it passes on
        using var client = _node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");

        // Act
        var response = await client.SendAsync(request).WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("concertation_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_IsNotFound_FromAnAddressOutsideTheMetricsNetworks()
    {
        // Arrange: a node whose scrapers live on 10.0.0.0/8 only
        await using var node = new ConcertationFactory(null, kestrel: true, ("Telemetry:Metrics", "true"), ("Telemetry:MetricsNetworks", "10.0.0.0/8"));
        using var client = node.CreateClient();

        // Act
        var response = await client.GetAsync("/metrics").WaitAsync(Timeout);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
