using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Cluster;
using Collaboration.Web.Tests.Live;

namespace Collaboration.Web.Tests.Telemetry;

/// <summary>
/// What a node prints when it starts, in production's configuration at the Information level: the banner and what
/// matters, not Orleans' dump of every option nor Polly's line per placement attempt; and with JSON console logs
/// (<c>Logging:Console:FormatterName=json</c>), one JSON object per line, the banner included.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StartupLogTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private const string Banner = "Concertation est prête / is ready";

    [Fact]
    public async Task Startup_PrintsTheBanner_WithoutOrleansOptionsOrPollyAttempts()
    {
        // Act
        await using var node = await WebNodeProcess.StartPostgresAsync(await postgres.CreateDatabaseAsync("startup_logs"), StartTimeout,
            ("Logging:LogLevel:Default", "Information"));
        await Poll.UntilAsync(() => Task.FromResult(node.Output.Contains(Banner, StringComparison.Ordinal)), Timeout, "the banner is printed");

        // Assert
        var output = node.Output;
        Assert.DoesNotContain("Configuration Orleans.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Execution attempt", output, StringComparison.Ordinal);
        Assert.Contains("Stockage / Storage: Postgres", output, StringComparison.Ordinal);
        Assert.Contains("grappe / cluster concertation", output, StringComparison.Ordinal);
        Assert.Contains("Télémétrie / Telemetry: /metrics", output, StringComparison.Ordinal);
        var lines = output.Split('\n');
        Assert.True(lines.Length < 60, $"{lines.Length} lines at start-up:{Environment.NewLine}{output}");
    }

    [Fact]
    public async Task Startup_WithJsonConsoleLogs_PrintsOneJsonObjectPerLine_BannerIncluded()
    {
        // Act
        await using var node = await WebNodeProcess.StartPostgresAsync(await postgres.CreateDatabaseAsync("json_logs"), StartTimeout,
            ("Logging:LogLevel:Default", "Information"), ("Logging:Console:FormatterName", "json"));
        // (JSON escapes "ê": the raw output has the banner's English half as typed)
        await Poll.UntilAsync(() => Task.FromResult(node.Output.Contains("is ready", StringComparison.Ordinal)), Timeout, "the banner is logged");

        // Assert
        var lines = node.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line); // throws on a line that is not JSON
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
        }
        var banner = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("Message").GetString()!.Contains(Banner, StringComparison.Ordinal));
        Assert.Equal("Postgres", banner.GetProperty("State").GetProperty("Storage").GetString());
    }
}
