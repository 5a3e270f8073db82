using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Meetings;

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

    [Fact]
    public async Task Write_Is503ProblemDetails_WhileStorageIsDown_AndNothingHalfWrittenAfter()
    {
        // Arrange: a table, then the database goes away.
        await using var app = new ConcertationFactory(await _cluster.CreateDatabaseAsync("outage"));
        var organiser = await app.CreateOrganiserClientAsync();
        var table = await MeetingsTestKit.CreateTableAsync(organiser, "Table avant la panne");
        await _cluster.StopServerAsync();

        // Act: a member is added while storage is down (a clear answer within the timeout, never a hang).
        HttpResponseMessage down;
        try
        {
            down = await organiser.PostAsJsonAsync($"/api/tables/{table}/members",
                new { name = "Pendant la panne", organisation = "Org", sector = "communautaire", email = "panne@exemple.qc.ca", role = "member" })
                .WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await _cluster.StartServerAsync();
        }

        // Assert: 503 with our bilingual problem details; after the outage the member is not there, and adding works.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var problem = await down.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("storage-unavailable", problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messages").GetProperty("fr").GetString()));
        var after = await organiser.GetFromJsonAsync<JsonElement>($"/api/tables/{table}").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(after.GetProperty("members").EnumerateArray(), m => m.GetProperty("name").GetString() == "Pendant la panne");
        var again = await organiser.PostAsJsonAsync($"/api/tables/{table}/members",
            new { name = "Après la panne", organisation = "Org", sector = "communautaire", email = "apres@exemple.qc.ca", role = "member" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
