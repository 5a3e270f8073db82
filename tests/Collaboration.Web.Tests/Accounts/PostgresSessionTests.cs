using System.Net;
using System.Net.Http.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;

namespace Collaboration.Web.Tests.Accounts;

/// <summary>Two web nodes on one PostgreSQL: a session ended on node A is ended on node B too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSessionTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OldCookie_Gets401_OnTheOtherNodeToo_AfterAPasswordChangeOnNodeA()
    {
        // Arrange: a copy of the organiser's cookie, already accepted (and so cached) by node B.
        var database = await postgres.CreateDatabaseAsync("sessions");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        // Node B would ask the session grain again only after an hour: only the live relay can tell it in time.
        await using var nodeB = new ConcertationFactory(database, kestrel: true, settings: ("Sessions:RecheckSeconds", "3600"));
        var stolen = await nodeA.SignInCookieAsync().WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(nodeB, stolen)).StatusCode);
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);

        // Act
        var change = await organiser.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = ConcertationFactory.OrganiserPassword, newPassword = "Terrebonne-Repentigny-2027" }).WaitAsync(Timeout);

        // Assert: refused on A at once; on B as soon as the session's end reaches it through the live relay.
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(nodeA, stolen)).StatusCode);
        await Poll.UntilAsync(async () => (await MeAsync(nodeB, stolen)).StatusCode == HttpStatusCode.Unauthorized, Timeout,
            "node B refuses the old cookie");
    }

    private static async Task<HttpResponseMessage> MeAsync(ConcertationFactory node, string cookie)
    {
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = node.ServerAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/colloques");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request).WaitAsync(Timeout);
    }
}
