using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>Two web nodes behind one address count the same failed sign-ins: alternating nodes does not double the attempts.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLoginBackOffTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WrongPasswords_SpreadOverTwoNodes_StartTheBackOff_AsOnOneNode_AndTheLogSaysSoOnce()
    {
        // Arrange: the client's address comes from X-Forwarded-For (the proxy on loopback); a back-off long enough
        // that a loaded machine cannot outlive it during the test.
        var database = await postgres.CreateDatabaseAsync("backoff");
        (string, string?)[] settings = [("Proxy:KnownNetworks", "127.0.0.0/8"), ("Login:BackoffBaseSeconds", "600")];
        await using var nodeA = new ConcertationFactory(database, kestrel: true, settings);
        await using var nodeB = new ConcertationFactory(database, kestrel: true, settings);
        var wrong = new { email = ConcertationFactory.OrganiserEmail, password = "pas le bon mot de passe" };
        var right = new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword };

        // Act: six wrong passwords, alternating nodes (three each: under the five free per node), then the right one.
        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) failures.Add((await LoginAsync(i % 2 == 0 ? nodeA : nodeB, wrong, "198.51.100.40")).StatusCode);
        var rightOnA = await LoginAsync(nodeA, right, "198.51.100.40");
        var rightOnB = await LoginAsync(nodeB, right, "198.51.100.40");
        var fromElsewhere = await LoginAsync(nodeB, right, "198.51.100.41");

        // Assert: the five free failures and the sixth are answered; then both nodes make this address wait.
        Assert.All(failures, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightOnA.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightOnB.StatusCode);
        Assert.True(int.Parse(rightOnB.Headers.GetValues("Retry-After").Single()) > 60);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var backOffs = await Poll.UntilAsync(async () =>
            (await organiser.GetFromJsonAsync<JsonElement>("/api/audit").WaitAsync(Timeout)).GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("action").GetString() == "signInBackOff").ToList(),
            found => found.Count > 0, Timeout, "the back-off in the audit log");
        Assert.Equal("6 × 198.51.100.40", Assert.Single(backOffs).GetProperty("detail").GetString());
    }

    private static async Task<HttpResponseMessage> LoginAsync(ConcertationFactory node, object body, string clientAddress)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = node.ServerAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        return await client.SendAsync(request).WaitAsync(Timeout);
    }
}
