using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Testing;
using Collaboration.Web.Tests.Live;
using static Collaboration.Web.Tests.Colloque.ColloqueKit;
using static Collaboration.Web.Tests.Colloque.SignupKit;

namespace Collaboration.Web.Tests.Colloque;

/// <summary>
/// THE guarantee of self-registration: two web nodes on one PostgreSQL database take signups and
/// breakout choices for the same colloque at once, and no place nor seat is ever oversold — the
/// single activation of the colloque's signups grain decides, whichever node a request lands on.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSignupsTwoNodeTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task FourHundredConcurrentRegistrations_ForAQuotaOf100_OnTwoNodes_Confirm100_AndWaitlist300InOrder()
    {
        // Arrange: two nodes, an employer quota of 100.
        var database = await postgres.Cluster.CreateDatabaseAsync("signups");
        await using var nodeA = new ConcertationFactory(database);
        await using var nodeB = new ConcertationFactory(database);
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser);
        await OpenRegistrationAsync(organiser, colloque, 1_000, new { employer = 100 }, waitlist: 1_000);
        var clients = new[] { nodeA.CreateClient(), nodeB.CreateClient() };

        // Act: 400 employers, alternately on node A and node B, all at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() =>
            SignUpAsync(clients[i % 2], colloque, Signup($"Employeur {i}", $"employeur{i}@exemple.qc.ca"))))).WaitAsync(Timeout);

        // Assert: every one answered 201; exactly 100 confirmed and 300 waitlisted, positions 1..300, one code each.
        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Created, r.Body.ToString()));
        Assert.Equal(400, responses.Select(r => Code(r.Body)).Distinct().Count());
        Assert.Equal(100, responses.Count(r => r.Body.GetProperty("status").GetString() == "confirmed"));
        Assert.Equal(Enumerable.Range(1, 300), responses.Where(r => r.Body.GetProperty("status").GetString() == "waitlisted")
            .Select(r => r.Body.GetProperty("position").GetInt32()).Order());
        foreach (var client in clients)
        {
            var employers = (await PublicAsync(client, colloque)).GetProperty("places").GetProperty("byCategory").GetProperty("employer");
            Assert.Equal((100, 300, 0), (employers.GetProperty("confirmed").GetInt32(), employers.GetProperty("waitlisted").GetInt32(), employers.GetProperty("left").GetInt32()));
        }

        // Act: a confirmed employer cancels on node B.
        var firstInLine = responses.Single(r => r.Body.GetProperty("status").GetString() == "waitlisted" && r.Body.GetProperty("position").GetInt32() == 1).Body;
        var secondInLine = responses.Single(r => r.Body.GetProperty("status").GetString() == "waitlisted" && r.Body.GetProperty("position").GetInt32() == 2).Body;
        var leaving = responses.First(r => r.Body.GetProperty("status").GetString() == "confirmed").Body;
        var cancel = await clients[1].SendAsync(Manage(HttpMethod.Delete, Code(leaving), Token(leaving))).WaitAsync(Timeout);

        // Assert: exactly the first in line is promoted, read on node A.
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("confirmed", (await ReadAsync(clients[0], firstInLine)).GetProperty("status").GetString());
        var second = await ReadAsync(clients[0], secondInLine);
        Assert.Equal(("waitlisted", 1), (second.GetProperty("status").GetString(), second.GetProperty("position").GetInt32()));
    }

    [Fact]
    public async Task TwoHundredAttendeesChoosingOne25SeatAtelier_OnTwoNodes_Take25Seats_WaitlistTheRest_AndBothNodesAgree()
    {
        // Arrange: two nodes, 200 confirmed attendees, one 25-seat atelier.
        var database = await postgres.Cluster.CreateDatabaseAsync("breakouts");
        await using var nodeA = new ConcertationFactory(database);
        await using var nodeB = new ConcertationFactory(database);
        var organiser = await nodeA.CreateOrganiserClientAsync().WaitAsync(Timeout);
        var colloque = await CreateColloqueAsync(organiser);
        await OpenRegistrationAsync(organiser, colloque, null);
        var atelier = await AddSessionAsync(organiser, colloque, "Recruter à l'international", "atelier", "Salle Lanaudière", 13, capacity: 25);
        var clients = new[] { nodeA.CreateClient(), nodeB.CreateClient() };
        var attendees = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            SignedUpAsync(clients[i % 2], colloque, Signup($"Personne {i}", $"p{i}@exemple.qc.ca", "communityOrganisation"))))).WaitAsync(Timeout);
        Assert.All(attendees, a => Assert.Equal("confirmed", a.GetProperty("status").GetString()));

        // Act: all 200 choose the atelier at once, alternately on node B and node A.
        var answers = await Task.WhenAll(attendees.Select((a, i) => Task.Run(async () =>
        {
            var response = await clients[(i + 1) % 2].SendAsync(Manage(HttpMethod.Patch, Code(a), Token(a), new { choices = new[] { atelier } }));
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        }))).WaitAsync(Timeout);

        // Assert: zero errors, exactly 25 seats, 175 on the atelier's waitlist in order, the same counts on both nodes.
        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, a.Body.ToString()));
        var choices = answers.Select(a => Assert.Single(a.Body.GetProperty("choices").EnumerateArray())).ToList();
        Assert.Equal(25, choices.Count(c => c.GetProperty("status").GetString() == "confirmed"));
        Assert.Equal(Enumerable.Range(1, 175), choices.Where(c => c.GetProperty("status").GetString() == "waitlisted").Select(c => c.GetProperty("position").GetInt32()).Order());
        foreach (var client in clients)
        {
            var seats = Assert.Single((await PublicAsync(client, colloque)).GetProperty("places").GetProperty("sessions").EnumerateArray());
            Assert.Equal((25, 175, 0), (seats.GetProperty("taken").GetInt32(), seats.GetProperty("waitlisted").GetInt32(), seats.GetProperty("left").GetInt32()));
        }
        var list = await organiser.GetStringAsync($"/api/colloques/{colloque}/sessions/{atelier}/attendees.csv").WaitAsync(Timeout);
        Assert.Equal(25, list.Split('\n').Count(l => l.Contains(";confirmed;", StringComparison.Ordinal)));

        // Act: a seat holder cancels their registration on node A.
        var holder = attendees[choices.FindIndex(c => c.GetProperty("status").GetString() == "confirmed")];
        var next = attendees[choices.FindIndex(c => c.GetProperty("status").GetString() == "waitlisted" && c.GetProperty("position").GetInt32() == 1)];
        var cancel = await clients[0].SendAsync(Manage(HttpMethod.Delete, Code(holder), Token(holder))).WaitAsync(Timeout);

        // Assert: exactly the next in line for that atelier takes the seat, read on node B.
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var promoted = Assert.Single((await ReadAsync(clients[1], next)).GetProperty("choices").EnumerateArray());
        Assert.Equal("confirmed", promoted.GetProperty("status").GetString());
        var seatsAfter = Assert.Single((await PublicAsync(clients[1], colloque)).GetProperty("places").GetProperty("sessions").EnumerateArray());
        Assert.Equal((25, 174), (seatsAfter.GetProperty("taken").GetInt32(), seatsAfter.GetProperty("waitlisted").GetInt32()));
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, JsonElement signup)
    {
        var response = await client.SendAsync(Manage(HttpMethod.Get, Code(signup), Token(signup))).WaitAsync(Timeout);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
