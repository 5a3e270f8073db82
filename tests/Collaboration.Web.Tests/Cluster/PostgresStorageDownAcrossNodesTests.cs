using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Grains.Workshops;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Collaboration.Web.Tests.Cluster;

/// <summary>
/// Two web nodes on a PostgreSQL cluster of their own (the test stops the server); every new
/// activation goes to the node that did not get the request, so each call crosses between silos.
/// </summary>
public sealed class PostgresStorageDownAcrossNodesTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private PostgresCluster _server = null!;

    public async Task InitializeAsync() => _server = await PostgresCluster.StartLocalAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task StorageDown_ACallWhoseGrainIsOnTheOtherNode_Is503StorageUnavailable_Not500()
    {
        // Arrange: nodes A and B in one cluster; a request to A activates its grain on B.
        var database = await _server.CreateDatabaseAsync("down_across");
        await using var a = new ConcertationFactory(database, kestrel: false, PlaceElsewhere);
        await using var b = new ConcertationFactory(database, kestrel: false, PlaceElsewhere);
        var grains = a.Services.GetRequiredService<IGrainFactory>();
        var siloOfB = b.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var membership = a.Services.GetRequiredService<IClusterMembershipService>();
        await Poll.UntilAsync(() => Task.FromResult(membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active)),
            active => active == 2, Timeout, "node A sees both silos active");
        var anonymous = a.CreateClient();
        var warmUp = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/workshops/{warmUp}").WaitAsync(Timeout)).StatusCode);
        Assert.Equal(siloOfB, await grains.GetGrain<IManagementGrain>(0)
            .GetActivationAddress(grains.GetGrain<IWorkshopSessionGrain>(warmUp)).AsTask().WaitAsync(Timeout));
        await _server.StopServerAsync();

        // Act: sessions not loaded yet, read through A while the database is down; their grains load on B.
        var during = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) during.Add(await anonymous.GetAsync($"/api/workshops/{Guid.NewGuid()}").WaitAsync(Timeout));
        await _server.StartServerAsync();

        // Assert: the same 503 "storage-unavailable" the node hosting the grain would answer.
        foreach (var response in during)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("storage-unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    private static void PlaceElsewhere(IServiceCollection services)
    {
        services.AddSingleton<PlacementStrategy, OtherSiloPlacement>();
        services.AddPlacementDirector<OtherSiloPlacement, OtherSiloPlacementDirector>();
    }
}
