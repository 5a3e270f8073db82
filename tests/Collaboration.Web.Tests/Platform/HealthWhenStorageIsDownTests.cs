using System.Net;
using Collaboration.Testing;

namespace Collaboration.Web.Tests.Platform;

/// <summary>On a PostgreSQL cluster of its own, since it stops the server.</summary>
public sealed class PostgresHealthTests : IAsyncLifetime
{
    private PostgresCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartLocalAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Health_Is503_WhileStorageIsDown_AndHealthyAgainAfter()
    {
        await using var app = new ConcertationFactory(await _cluster.CreateDatabaseAsync("health"));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await _cluster.StopServerAsync();
        var down = await client.GetAsync("/health");
        await _cluster.StartServerAsync();
        var up = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }
}
