using System.Net.Http.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Web.Tests.Live;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}

/// <summary>Two web nodes on one PostgreSQL: a browser on node B sees what node A commits.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLiveAcrossNodesTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventCommittedOnNodeA_ReachesAHubClientOfNodeB()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("live");
        await using var nodeA = new ConcertationFactory(database, kestrel: true);
        await using var nodeB = new ConcertationFactory(database, kestrel: true);
        await using var client = await NodeHubClient.ConnectAsync(new Uri(nodeB.ServerAddress, "/hubs/live").ToString(), await nodeB.SignInCookieAsync());
        await client.InvokeAsync("Subscribe", "test-note:shared", 0).WaitAsync(Timeout);
        await ClusterWait.UntilHubsRegisteredAsync(nodeA.Services.GetRequiredService<IGrainFactory>(), 2).WaitAsync(Timeout);

        await nodeA.Services.GetRequiredService<IGrainFactory>().GetGrain<INoteGrain>("shared").AddAsync("écrit sur le nœud A");

        var pushed = await client.WaitForEventAsync(e => e.GetProperty("topic").GetString() == "test-note:shared", Timeout);
        Assert.Equal("écrit sur le nœud A", pushed.GetProperty("data").GetProperty("text").GetString());
        Assert.Equal(1, pushed.GetProperty("version").GetInt64());
    }
}

/// <summary>Two web nodes on one PostgreSQL share the cookie key ring.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTwoNodeSignInTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CookieIssuedByNodeA_IsAcceptedByNodeB()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("keys");
        await using var nodeA = new ConcertationFactory(database);
        await using var nodeB = new ConcertationFactory(database);
        var login = await nodeA.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = ConcertationFactory.OrganiserEmail, password = ConcertationFactory.OrganiserPassword });
        var authCookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var onB = nodeB.CreateClient();
        onB.DefaultRequestHeaders.Add("Cookie", authCookie);

        var me = await onB.GetAsync("/api/auth/me");

        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(database);
        await using var keys = dataSource.CreateCommand("SELECT count(*) FROM data_protection_keys");
        Assert.True((long)(await keys.ExecuteScalarAsync())! >= 1, "the key ring lives in PostgreSQL, not on one node's disk");
    }
}
