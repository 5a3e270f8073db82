using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Web.Tests.Accounts;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Login_IsRateLimited_PerClient_WithABilingual429()
    {
        await using var app = new ConcertationFactory(settings: ("RateLimiting:AnonymousPermitsPerMinute", "3"));
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@test.local", password = "wrong-password-x" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate-limited", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(last.Headers.Contains("Retry-After"));
    }
}
