using System.Text;
using Collaboration.Web.Platform;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Platform;

/// <summary>
/// The README's rate-limit table is the real one: each family's limit with the shipped
/// appsettings.json, and the endpoints that carry the family's policy. On a difference the test
/// prints the table to paste.
/// </summary>
public sealed class RateLimitReadmeTests
{
    private const string Start = "<!-- rate-limits: checked by RateLimitReadmeTests against appsettings.json and the endpoints -->";
    private const string End = "<!-- /rate-limits -->";

    [Fact]
    public async Task ReadmeRateLimitTable_IsTheShippedConfiguration_AndTheEndpointsOfEachFamily()
    {
        // Arrange: the shipped settings, the app's endpoints, the README.
        var shipped = new ConfigurationBuilder().AddJsonFile(Repository("web/Collaboration.Web/appsettings.json")).Build();
        await using var app = new ConcertationFactory();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Policy: e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName, Route: Describe(e)))
            .Where(e => e.Policy is not null)
            .ToList();
        var readme = await File.ReadAllTextAsync(Repository("README.md"));

        // Act
        var expected = new StringBuilder(Start).Append('\n')
            .Append("| family | setting | per minute and client address | endpoints |\n|---|---|---|---|\n");
        foreach (var (policy, setting, _) in RateLimits.Families)
        {
            var routes = endpoints.Where(e => e.Policy == policy).Select(e => $"`{e.Route}`").Order(StringComparer.Ordinal);
            expected.Append($"| {policy} | `RateLimiting:{setting}` | {RateLimits.PermitsPerMinute(shipped, setting)} | {string.Join(", ", routes)} |\n");
        }
        expected.Append(End);
        var documented = readme.IndexOf(Start, StringComparison.Ordinal) is var from and >= 0
            ? readme[from..(readme.IndexOf(End, from, StringComparison.Ordinal) + End.Length)].ReplaceLineEndings("\n")
            : "(no rate-limit table in README.md)";

        // Assert
        Assert.True(expected.ToString() == documented, $"README.md's rate-limit table should be:\n{expected}");
        Assert.DoesNotContain(endpoints, e => RateLimits.Families.All(f => f.Policy != e.Policy));
    }

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
        return $"{string.Join("/", methods)} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";
    }

    private static string Repository(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, relative))) return Path.Combine(folder.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }
}
