using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Workshops;

namespace Collaboration.Web.Tests.Platform;

/// <summary>On a PostgreSQL cluster of its own, since it stops the server.</summary>
public sealed class PostgresHealthTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
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

    [Fact]
    public async Task WhileStorageIsDown_WritesAndFirstReadsAnswer503StorageUnavailable_AndNothingFailedIsKeptAfter()
    {
        // Arrange: a session with one registration, then the database server goes down.
        await using var app = new ConcertationFactory(await _cluster.CreateDatabaseAsync("api_down"));
        var organiser = await app.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var created = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier", titleEn = "Workshop", startsAt = starts, endsAt = starts.AddHours(2), place = "Joliette", capacity = 20,
        }).WaitAsync(Timeout);
        var session = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var anonymous = app.CreateClient();
        var before = await anonymous.PostAsJsonAsync($"/api/workshops/{session}/registrations",
            WorkshopsAppFixture.Registration("Avant la panne", "avant@exemple.qc.ca")).WaitAsync(Timeout);
        await _cluster.StopServerAsync();

        // Act: two registrations (the first fails the write, the second meets the discarded activation
        // or its reload) and the first read of a session not loaded yet; then the server comes back.
        var during = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
            during.Add(await anonymous.PostAsJsonAsync($"/api/workshops/{session}/registrations",
                WorkshopsAppFixture.Registration($"Pendant la panne {i}", $"pendant{i}@exemple.qc.ca")).WaitAsync(Timeout));
        during.Add(await anonymous.GetAsync($"/api/workshops/{Guid.NewGuid()}").WaitAsync(Timeout));
        await _cluster.StartServerAsync();
        var after = await anonymous.PostAsJsonAsync($"/api/workshops/{session}/registrations",
            WorkshopsAppFixture.Registration("Après la panne", "apres@exemple.qc.ca")).WaitAsync(Timeout);

        // Assert: every call during the outage is a 503 "storage-unavailable" problem; afterwards only the acknowledged registrations exist.
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        foreach (var response in during)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Timeout);
            Assert.Equal("storage-unavailable", problem.GetProperty("code").GetString());
        }
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var registrants = await organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/registrants").WaitAsync(Timeout);
        Assert.Equal(["avant@exemple.qc.ca", "apres@exemple.qc.ca"], registrants.EnumerateArray().Select(r => r.GetProperty("email").GetString()));
    }
}
