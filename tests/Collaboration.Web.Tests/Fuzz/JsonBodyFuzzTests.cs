using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using static Collaboration.Web.Tests.Meetings.MeetingsTestKit;

namespace Collaboration.Web.Tests.Fuzz;

/// <summary>
/// Every endpoint that takes a JSON body (found in <see cref="EndpointDataSource"/>, so a new one is
/// fuzzed without anyone adding it) gets each hostile string, number and date in the fields of that
/// type, as the organiser (so authorisation lets the body through): no answer is a 5xx, and nothing
/// is stored — every read of the arranged workshop, meeting, table and colloque is the same after.
/// </summary>
public sealed class JsonBodyFuzzTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Raw JSON: control characters, non-characters, lone surrogates, and one 200,000-character string.</summary>
    private static readonly string[] HostileStrings =
    [
        "\"\\u0000\"", "\"a\\u0007b\"", "\"\\u0085\"", "\"\\ufffe\"", "\"x\\uffffy\"", "\"\\ufdd0\"", "\"\\ud83f\\udffe\"",
        "\"\\ud800\"", "\"x\\udc00\"", $"\"{new string('é', 200_000)}\"",
    ];

    private static readonly string[] HostileNumbers = ["2147483648", "-2147483649", "2147483647", "-2147483648", "\"NaN\"", "\"Infinity\""];

    private static readonly string[] HostileDates =
    [
        "\"0001-01-01T00:00:00Z\"", "\"0001-01-02T00:00:00Z\"", "\"9999-12-31T23:59:59.9999999Z\"", "\"0001-01-01\"", "\"9999-12-31\"",
    ];

    private readonly ConcertationFactory _app = new();
    private HttpClient _organiser = null!;
    private readonly Dictionary<string, string> _ids = [];

    public async Task InitializeAsync()
    {
        _organiser = await _app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        _ids["workshops"] = (await _organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 10,
        }).OkJsonAsync()).GetProperty("id").GetString()!;
        _ids["tables"] = (await CreateTableAsync(_organiser)).ToString();
        _ids["meetings"] = (await CreateMeetingAsync(_organiser, Guid.Parse(_ids["tables"]))).ToString();
        _ids["colloques"] = (await Colloque.ColloqueKit.CreateColloqueAsync(_organiser)).ToString();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryJsonEndpoint_GivenHostileValues_AnswersBelow500_AndStoresNothing()
    {
        // Arrange
        var endpoints = JsonEndpoints().ToList();
        var before = await ReadEverythingAsync();

        // Act
        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, pattern, body) in endpoints)
        {
            var path = Fill(pattern);
            foreach (var json in Bodies(body))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                using var response = await _organiser.SendAsync(request).WaitAsync(Timeout);
                sent++;
                if ((int)response.StatusCode >= 500) failures.Add($"{method} {path} {Shorten(json)}: {(int)response.StatusCode}");
            }
        }
        var after = await ReadEverythingAsync();

        // Assert
        Assert.True(endpoints.Count > 20 && sent > 200, $"only {endpoints.Count} endpoints, {sent} requests: the discovery is broken");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before.Split('\n'), after.Split('\n'));
    }

    /// <summary>The endpoints whose body is JSON, with the type the body binds to.</summary>
    private IEnumerable<(string Method, RoutePattern Pattern, Type Body)> JsonEndpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(e => e.Accepts?.RequestType is not null && e.Accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.Ordinal)))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.Endpoint.RoutePattern, e.Accepts!.RequestType!)));

    /// <summary>One body per hostile value, in every field of that kind (the other fields left out).</summary>
    private static IEnumerable<string> Bodies(Type body)
    {
        var properties = body.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsPositional(body, p)).ToList();
        var strings = properties.Where(p => p.PropertyType == typeof(string) && !IsDate(p)).ToList();
        var numbers = properties.Where(p => Underlying(p) is { } t && (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal))).ToList();
        var dates = properties.Where(IsDate).ToList();
        foreach (var (fields, values) in new[] { (strings, HostileStrings), (numbers, HostileNumbers), (dates, HostileDates) })
        {
            if (fields.Count == 0) continue;
            foreach (var value in values)
                yield return "{" + string.Join(",", fields.Select(f => $"\"{JsonNamingPolicy.CamelCase.ConvertName(f.Name)}\":{value}")) + "}";
        }
    }

    private static bool IsPositional(Type type, PropertyInfo property) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase)));

    private static Type? Underlying(PropertyInfo property) => Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;

    private static bool IsDate(PropertyInfo property) =>
        Underlying(property) is { } t && (t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(DateTime)
            || (t == typeof(string) && (property.Name is "Date" or "Due" or "PublishedOn" || property.Name.EndsWith("At", StringComparison.Ordinal))));

    /// <summary>The route with the arranged ids where the route names their feature, else fresh values.</summary>
    private string Fill(RoutePattern pattern)
    {
        var path = new StringBuilder();
        string? feature = null;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                if (part is RoutePatternLiteralPart literal)
                {
                    path.Append(literal.Content);
                    feature = literal.Content;
                }
                else if (part is RoutePatternParameterPart parameter)
                {
                    path.Append(parameter.Name switch
                    {
                        "id" when feature is not null && _ids.TryGetValue(feature, out var id) => id,
                        "tableId" => _ids["tables"],
                        _ when parameter.ParameterPolicies.Any(p => p.Content == "guid") || parameter.Name.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                        _ => "ABCD-EFGH",
                    });
                }
            }
        }
        return path.ToString();
    }

    /// <summary>What the arranged entities look like through the API (the meeting's and the session's versions included).</summary>
    private async Task<string> ReadEverythingAsync()
    {
        var reads = new[]
        {
            "/api/workshops?all=true", $"/api/workshops/{_ids["workshops"]}", $"/api/workshops/{_ids["workshops"]}/registrants",
            "/api/tables", $"/api/tables/{_ids["tables"]}", $"/api/tables/{_ids["tables"]}/meetings", $"/api/meetings/{_ids["meetings"]}",
            "/api/colloques", $"/api/colloques/{_ids["colloques"]}/public", $"/api/colloques/{_ids["colloques"]}/attendees",
        };
        var all = new StringBuilder();
        // The meeting's "now" is the server's clock, not stored state.
        foreach (var read in reads)
            all.Append(read).Append(' ').AppendLine(Regex.Replace(await _organiser.GetStringAsync(read).WaitAsync(Timeout), "\"now\":\"[^\"]*\",?", ""));
        return all.ToString();
    }

    private static string Shorten(string json) => json.Length > 120 ? json[..120] + "…" : json;
}
