using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace Collaboration.Web.Tests.Platform;

public sealed class PlatformTests : IAsyncLifetime
{
    private readonly ConcertationFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Health_IsHealthy_WhenStorageAnswers()
    {
        var response = await _app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var cluster = health.GetProperty("checks").GetProperty("cluster").GetProperty("data");
        Assert.Equal(("Sqlite", 1), (cluster.GetProperty("storage").GetString(), cluster.GetProperty("activeSilos").GetInt32()));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
        Assert.True(paths.TryGetProperty("/api/organisers", out _) || paths.TryGetProperty("/api/organisers/", out _));
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        var response = await _app.CreateClient().GetAsync("/health");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task CorsStaysClosed_ForOtherOrigins()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/auth/login");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-csrf");

        var response = await _app.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Hub_RefusesConnectionsFromAnotherOrigin()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/live/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
