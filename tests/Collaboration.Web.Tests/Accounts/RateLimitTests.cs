using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Accounts;
using Collaboration.Web.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>Rate limits per endpoint family and per real client address (X-Forwarded-For from a known proxy), and the login back-off.</summary>
public sealed class RateLimitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SignInLinks_AreLimitedPerClient_InTheirOwnBucket_WithABilingual429()
    {
        await using var app = new ConcertationFactory(kestrel: true, settings: [("RateLimiting:SignInLinksPermitsPerMinute", "3"),
            ("Proxy:KnownNetworks", "127.0.0.0/8")]);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await SendAsync(app, "/api/desks/pair", new { pairingCode = "ABCD-EFGH" }, "203.0.113.10");
            statuses.Add(last.StatusCode);
        }
        var otherClient = await SendAsync(app, "/api/desks/pair", new { pairingCode = "ABCD-EFGH" }, "203.0.113.11");
        var loginMeanwhile = await SendAsync(app, "/api/auth/login",
            new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword }, "203.0.113.10");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate-limited", (await last.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(last.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.BadRequest, otherClient.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loginMeanwhile.StatusCode);
    }

    [Fact]
    public async Task EachFamily_ReadsItsOwnLimit_NotTheAnonymousOne()
    {
        // Arrange: the anonymous family at 30, as shipped before; every other family at its own default.
        await using var app = new ConcertationFactory(kestrel: true, settings: ShippedLimits(("AnonymousPermitsPerMinute", "30")));
        var signIn = new { token = "not-a-real-token" };
        var login = new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword };

        // Act: 21 sign-in links (20 a minute) and 31 logins (300 a minute), each family from an address of its own.
        var links = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++) links.Add((await SendAsync(app, "/api/tables/sign-in", signIn, "203.0.113.20")).StatusCode);
        var logins = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++) logins.Add((await SendAsync(app, "/api/auth/login", login, "203.0.113.21")).StatusCode);

        // Assert
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, links.Take(20));
        Assert.Equal(HttpStatusCode.TooManyRequests, links[20]);
        Assert.All(logins, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task ColloqueSignupsAndTheirChanges_CountAsRegistrations_AndTheirReadsAreLimitedPerAddress()
    {
        // Arrange: registrations, registration reads and public reads at 2 a minute; the anonymous family unlimited.
        await using var app = new ConcertationFactory(kestrel: true, settings: ShippedLimits(("AnonymousPermitsPerMinute", "10000"),
            ("RegistrationsPermitsPerMinute", "2"), ("RegistrationReadsPermitsPerMinute", "2"), ("PublicReadsPermitsPerMinute", "2")));
        var colloque = Guid.NewGuid();

        // Act: three of each from one address.
        var signups = new List<HttpStatusCode>();
        var changes = new List<HttpStatusCode>();
        var reads = new List<HttpStatusCode>();
        var publicReads = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            signups.Add((await SendAsync(app, $"/api/colloques/{colloque}/signups", new { name = "X" }, "203.0.113.30")).StatusCode);
            changes.Add((await SendAsync(app, HttpMethod.Delete, "/api/signups/ABCD-EFGH", "203.0.113.31")).StatusCode);
            reads.Add((await SendAsync(app, HttpMethod.Get, "/api/signups/ABCD-EFGH", "203.0.113.32")).StatusCode);
            publicReads.Add((await SendAsync(app, HttpMethod.Get, $"/api/colloques/{Guid.NewGuid()}/public", "203.0.113.33")).StatusCode);
        }

        // Assert: the third of each is refused.
        foreach (var statuses in new[] { signups, changes, reads, publicReads })
        {
            Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(2));
            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
        }
    }

    [Fact]
    public async Task FortyWrongPasswords_FromOneAddress_DoNotStopTheRightPassword_FromAnother_NorAfterTheBackOff_FromTheSame()
    {
        // The back-off's clock jumps when the test says so (it starts in the past: Orleans reads it too).
        var clock = new ShiftedClock(TimeSpan.FromHours(-3));
        await using var app = new ConcertationFactory(null, kestrel: true, services: s => s.AddSingleton<TimeProvider>(clock),
            ("Proxy:KnownNetworks", "127.0.0.0/8"));
        var throttle = app.Services.GetRequiredService<LoginThrottle>();
        var wrong = new { email = ConcertationFactory.OrganiserEmail, password = "not-the-password-at-all" };
        var right = new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword };

        var attempts = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++) attempts.Add((await SendAsync(app, "/api/auth/login", wrong, "198.51.100.7")).StatusCode);
        var fromAnother = await SendAsync(app, "/api/auth/login", right, "198.51.100.8");
        var rightAtOnce = await SendAsync(app, "/api/auth/login", right, "198.51.100.7");

        Assert.All(attempts, s => Assert.Contains(s, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.Contains(HttpStatusCode.TooManyRequests, attempts);
        Assert.Equal(HttpStatusCode.OK, fromAnother.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightAtOnce.StatusCode);
        Assert.True(rightAtOnce.Headers.Contains("Retry-After"));
        clock.Advance(await throttle.WaitBeforeTryingAsync(ConcertationFactory.OrganiserEmail, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, "/api/auth/login", right, "198.51.100.7")).StatusCode);
    }

    [Fact]
    public async Task BehindAKnownProxy_OverHttps_TheCookieIsSecure_AndHstsIsSent()
    {
        await using var app = new ConcertationFactory(kestrel: true, settings: ("Proxy:KnownNetworks", "127.0.0.0/8"));
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword }),
        };
        request.Headers.Add("X-Forwarded-For", "192.0.2.44");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "concertation.example";

        var response = await client.SendAsync(request).WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    /// <summary>Every family at its shipped default but those given (setting name, value); the client address comes from X-Forwarded-For.</summary>
    private static (string, string?)[] ShippedLimits(params (string Setting, string Value)[] limits) =>
    [
        .. RateLimits.Families.Select(f => ($"RateLimiting:{f.Setting}", limits.FirstOrDefault(l => l.Setting == f.Setting).Value)),
        ("Proxy:KnownNetworks", "127.0.0.0/8"),
    ];

    private static Task<HttpResponseMessage> SendAsync(ConcertationFactory app, string path, object body, string clientAddress) =>
        SendAsync(app, HttpMethod.Post, path, clientAddress, JsonContent.Create(body));

    private static async Task<HttpResponseMessage> SendAsync(ConcertationFactory app, HttpMethod method, string path, string clientAddress, HttpContent? content = null)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = app.ServerAddress };
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request).WaitAsync(Timeout);
    }
}
