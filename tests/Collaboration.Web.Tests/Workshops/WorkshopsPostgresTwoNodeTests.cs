using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;

namespace Collaboration.Web.Tests.Workshops;

/// <summary>Two web nodes on one PostgreSQL database take registrations for the same session at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkshopsPostgresTwoNodeTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task FiveHundredConcurrentRegistrations_OnTwoNodes_Confirm30_Waitlist470InOrder_ThenTenCancellationsPromoteTheNextTen()
    {
        // Arrange: two nodes, one 30-seat session.
        var database = await postgres.Cluster.CreateDatabaseAsync("workshops");
        await using var nodeA = new ConcertationFactory(database);
        await using var nodeB = new ConcertationFactory(database);
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var starts = DateTimeOffset.UtcNow.AddDays(7);
        var create = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Atelier très demandé", titleEn = "Popular workshop", startsAt = starts, endsAt = starts.AddHours(2),
            place = "Rimouski", capacity = 30,
        }).WaitAsync(Timeout);
        var session = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var clients = new[] { nodeA.CreateClient(), nodeB.CreateClient() };

        // Act: 500 registrations of one seat, alternately on node A and node B, all at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(async () =>
        {
            var response = await clients[i % 2].PostAsJsonAsync($"/api/workshops/{session}/registrations",
                WorkshopsAppFixture.Registration($"Entreprise n° {i}", $"employeur{i}@exemple.qc.ca"));
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }))).WaitAsync(Timeout);

        // Assert: exactly 30 confirmed, 470 waitlisted with positions 1..470 in arrival order, no duplicate.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        // One activation in the cluster: a read on node A sees what node B wrote, at once.
        var registrants = await ReadAsync(organiser, $"/api/workshops/{session}/registrants");
        Assert.Equal(500, registrants.Count);
        Assert.Equal(500, registrants.Select(r => r.GetProperty("email").GetString()).Distinct().Count());
        Assert.Equal(500, registrants.Select(r => r.GetProperty("code").GetString()).Distinct().Count());
        var confirmed = registrants.Where(r => r.GetProperty("status").GetString() == "confirmed").ToList();
        var waitlisted = registrants.Where(r => r.GetProperty("status").GetString() == "waitlisted")
            .OrderBy(r => r.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(30, confirmed.Count);
        Assert.Equal(470, waitlisted.Count);
        Assert.Equal(Enumerable.Range(1, 470), waitlisted.Select(r => r.GetProperty("position").GetInt32()));
        Assert.True(confirmed.Max(r => r.GetProperty("sequence").GetInt64()) < waitlisted[0].GetProperty("sequence").GetInt64());
        // What each caller was told matches what is stored.
        var toldWaitlisted = responses.Where(r => r.Body.GetProperty("status").GetString() == "waitlisted")
            .Select(r => r.Body.GetProperty("position").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(1, 470), toldWaitlisted);

        // Act: ten confirmed employers cancel at once, on both nodes.
        var byCode = responses.ToDictionary(r => r.Body.GetProperty("code").GetString()!.Replace("-", ""), r => r.Body);
        var cancellations = await Task.WhenAll(confirmed.Take(10).Select((r, i) => Task.Run(async () =>
        {
            var created = byCode[r.GetProperty("code").GetString()!];
            return await clients[i % 2].DeleteAsync(
                $"/api/registrations/{created.GetProperty("id").GetString()}?token={created.GetProperty("manageToken").GetString()}");
        }))).WaitAsync(Timeout);

        // Assert: exactly the next ten in line are promoted, the others move up ten places.
        Assert.All(cancellations, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        var after = (await ReadAsync(organiser, $"/api/workshops/{session}/registrants"))
            .ToDictionary(r => r.GetProperty("code").GetString()!);
        var nextTen = waitlisted.Take(10).Select(r => r.GetProperty("code").GetString()!).ToList();
        Assert.All(nextTen, code => Assert.Equal("confirmed", after[code].GetProperty("status").GetString()));
        Assert.Equal(30, after.Values.Count(r => r.GetProperty("status").GetString() == "confirmed"));
        Assert.Equal(460, after.Values.Count(r => r.GetProperty("status").GetString() == "waitlisted"));
        Assert.Equal(1, after[waitlisted[10].GetProperty("code").GetString()!].GetProperty("position").GetInt32());
        var outbox = await organiser.GetFromJsonAsync<JsonElement>($"/api/workshops/{session}/outbox").WaitAsync(Timeout);
        Assert.Equal(nextTen.Order(), outbox.EnumerateArray().Where(m => m.GetProperty("kind").GetString() == "workshopPromoted")
            .Select(m => m.GetProperty("reference").GetString()!).Order());
    }

    private static async Task<List<JsonElement>> ReadAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path).WaitAsync(Timeout)).EnumerateArray().ToList();
}
